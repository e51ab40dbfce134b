package dev.sgn4j.testsupport;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** Runs a {@link Repeat} test as often as the loop asks ({@link Stress#enabled()}). */
final class RepeatExtension implements TestTemplateInvocationContextProvider {

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getRequiredTestMethod().isAnnotationPresent(Repeat.class);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    Repeat repeat = context.getRequiredTestMethod().getAnnotation(Repeat.class);
    int times = Stress.enabled() ? repeat.value() : repeat.quick();
    if (times < 1) {
      throw new IllegalArgumentException(
          "@Repeat on " + context.getRequiredTestMethod() + " must repeat at least once");
    }
    return IntStream.rangeClosed(1, times).mapToObj(i -> invocation(i, times));
  }

  private static TestTemplateInvocationContext invocation(int index, int times) {
    return new TestTemplateInvocationContext() {
      @Override
      public String getDisplayName(int invocationIndex) {
        return "repetition " + index + " of " + times;
      }

      @Override
      public List<Extension> getAdditionalExtensions() {
        return List.of();
      }
    };
  }
}
