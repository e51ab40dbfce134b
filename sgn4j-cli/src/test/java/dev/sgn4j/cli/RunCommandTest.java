package dev.sgn4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.Frame;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sgn4j run}: every mistake in a file names the file, line and field; exit code 2. */
class RunCommandTest {

  private static final String SINK =
      """
        - name: collect
          type: CollectSink
      """;

  /** The classes below whose static initializer ran. */
  static final Set<String> INITIALIZED = ConcurrentHashMap.newKeySet();

  /** Not an element; records when its static initializer runs. */
  public static final class NotAnElement {
    static {
      INITIALIZED.add(NotAnElement.class.getSimpleName());
    }
  }

  /** An element without the (String, Map) constructor; records when its initializer runs. */
  public static final class ElementWithoutConstructor extends SinkElement {
    static {
      INITIALIZED.add(ElementWithoutConstructor.class.getSimpleName());
    }

    /**
     * Not the constructor a pipeline file needs.
     *
     * @param name the element name
     */
    public ElementWithoutConstructor(String name) {
      super(name, List.of("in"));
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {}
  }

  /** A proper element class whose static initializer fails. */
  public static final class FailingInitializer extends SinkElement {
    private static final int LICENCE = licence();

    /**
     * The constructor a pipeline file needs.
     *
     * @param name the element name
     * @param parameters ignored
     */
    public FailingInitializer(String name, Map<String, Object> parameters) {
      super(name, List.of("in" + LICENCE));
    }

    private static int licence() {
      throw new IllegalStateException("no licence");
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {}
  }

  @TempDir Path dir;

  private String write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file.toString();
  }

  /** Runs a file and checks that it fails with exit code 2 and exactly this message. */
  private void assertBadFile(String name, String content, String expected) throws IOException {
    String file = write(name, content);
    var result = Cli.execute("run", file);

    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines()).containsExactly(file + expected);
  }

  @Test
  void aPipelineOfBuiltInsRunsAndPrintsWhatItsCollectSinkGot() throws IOException {
    String file =
        write(
            "ok.yml",
            """
            elements:
              - name: numbers
                type: IterSource
                parameters: {pad: n, items: [1, 2.5, 3]}
              - name: shift
                type: CallableTransform
                parameters: {function: offset, amount: 1, inputs: [n]}
            """
                + SINK
                + """
            links:
              - numbers -> shift
              - shift -> collect
            """);
    var result = Cli.execute("run", file);

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines()).containsExactly("collect: [2, 3.5, 4]");
  }

  @Test
  void thePipelinedSchedulerGivesTheSameOutput() throws IOException {
    String file =
        write(
            "pipelined.yml",
            """
            elements:
              - name: numbers
                type: IterSource
                parameters: {pad: n, items: [1, 2.5, 3]}
              - name: shift
                type: CallableTransform
                parameters: {function: offset, amount: 1, inputs: [n]}
            """
                + SINK
                + """
            links:
              - numbers -> shift
              - shift -> collect
            """);

    for (List<String> options :
        List.of(
            List.of("--scheduler", "pipelined"),
            List.of("--scheduler=PIPELINED", "--threads", "2"),
            List.of("--scheduler", "lock-step"))) {
      List<String> args = new ArrayList<>(options);
      args.add(0, "run");
      args.add(file);
      var result = Cli.execute(args.toArray(String[]::new));

      assertThat(result.exitCode()).as("%s", options).isZero();
      assertThat(result.outLines()).as("%s", options).containsExactly("collect: [2, 3.5, 4]");
    }
  }

  @Test
  void aBadSchedulerOrThreadCountIsAUsageError() throws IOException {
    String file = write("any.yml", "elements: []\nlinks: []\n");

    var unknown = Cli.execute("run", "--scheduler", "fast", file);
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown scheduler 'fast'; use lock-step or pipelined");

    var zero = Cli.execute("run", "--scheduler", "pipelined", "--threads", "0", file);
    assertThat(zero.exitCode()).isEqualTo(2);
    assertThat(zero.err()).isEqualTo("--threads: threads must be between 1 and 32767, got 0\n");

    var lockStep = Cli.execute("run", "--threads", "2", file);
    assertThat(lockStep.exitCode()).isEqualTo(2);
    assertThat(lockStep.err()).isEqualTo("--threads applies to --scheduler pipelined only\n");

    var stuck = Cli.execute("run", "--stuck-after", "0", file);
    assertThat(stuck.exitCode()).isEqualTo(2);
    assertThat(stuck.err()).isEqualTo("--stuck-after: stuckAfter must be at least 1, got 0\n");
  }

  @Test
  void nullSinkPrintsEveryFrameAndDequeSourceSendsItsItems() throws IOException {
    String file =
        write(
            "print.yaml",
            """
            elements:
              - {name: queue, type: DequeSource, parameters: {items: [a, b]}}
              - {name: show, type: NullSink, parameters: {print: true}}
            links: [queue -> show]
            """);
    var result = Cli.execute("run", file);

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines())
        .containsExactly(
            "show:snk:in: Frame[data=a, eos=false, gap=false]",
            "show:snk:in: Frame[data=b, eos=false, gap=false]",
            "show:snk:in: Frame[data=null, eos=true, gap=true]");
  }

  @Test
  void nullSourceSendsItsFramesThenEos() throws IOException {
    String file =
        write(
            "null.json",
            """
            {"elements": [
              {"name": "ticks", "type": "NullSource", "parameters": {"frames": 2}},
              {"name": "drop", "type": "NullSink"}],
             "links": ["ticks -> drop"]}
            """);
    var result = Cli.execute("run", file);

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .matches("run ended: 3 iterations in \\d+\\.\\d{3} s, 2 of 2 elements at EOS");
  }

  @Test
  void anUnknownTypeListsTheBuiltInTypes() throws IOException {
    assertBadFile(
        "pipeline.yaml",
        """
        # a comment
        elements:
          - name: numbers
            type: IterSource
            parameters: {items: [1]}
          - name: other
            type: IterSorce
        """,
        " line 7, field 'type': unknown element type 'IterSorce'; use one of IterSource,"
            + " DequeSource, NullSource, CallableTransform, CollectSink, NullSink or a fully"
            + " qualified class name");
  }

  @Test
  void aParameterOfTheWrongTypeIsNamed() throws IOException {
    assertBadFile(
        "p.yaml",
        """
        elements:
          - name: scale
            type: CallableTransform
            parameters:
              function: scale
              factor: ten
        """,
        " line 6, field 'parameters.factor': must be a number, got 'ten'");
  }

  @Test
  void aMissingParameterIsNamedAtTheParametersLine() throws IOException {
    assertBadFile(
        "p.yaml",
        """
        elements:
          - name: scale
            type: CallableTransform
            parameters:
              function: scale
        """,
        " line 4, field 'parameters.factor': missing; CallableTransform needs 'factor' (a"
            + " number) to multiply by");
    assertBadFile(
        "q.yaml",
        """
        elements:
          - name: numbers
            type: IterSource
        """,
        " line 2, field 'parameters.items': missing; IterSource needs 'items' (a list)");
  }

  @Test
  void anUnknownParameterListsTheKnownOnes() throws IOException {
    assertBadFile(
        "p.yaml",
        """
        elements:
          - name: collect
            type: CollectSink
            parameters:
              pads: [in]
              colour: red
        """,
        " line 6, field 'parameters.colour': unknown parameter 'colour' for CollectSink; its"
            + " parameters are pads");
  }

  @Test
  void anUnknownFunctionListsTheFunctions() throws IOException {
    assertBadFile(
        "p.yaml",
        """
        elements:
          - name: scale
            type: CallableTransform
            parameters: {function: square}
        """,
        " line 4, field 'parameters.function': unknown function 'square'; use one of identity,"
            + " sum, product, scale, offset");
  }

  @Test
  void missingAndUnknownElementFieldsAreNamed() throws IOException {
    assertBadFile(
        "p.yaml",
        """
        elements:
          - type: CollectSink
        """,
        " line 2, field 'name': missing; every element needs 'name' (the element's name)");
    assertBadFile(
        "q.yaml",
        """
        elements:
          - name: collect
            type: CollectSink
            params: {}
        """,
        " line 4, field 'params': unknown field of an element; its fields are name, type,"
            + " parameters and parallel");
    assertBadFile(
        "r.yaml",
        """
        elements:
        """
            + SINK
            + """
        link: []
        """,
        " line 4, field 'link': unknown field; a pipeline file has 'elements' and 'links'");
  }

  @Test
  void elementNamesMustBeUnique() throws IOException {
    assertBadFile(
        "p.yaml",
        "elements:\n" + SINK + SINK,
        " line 4, field 'name': element name 'collect' is already used on line 2; element names"
            + " must be unique");
  }

  @Test
  void aLinkThatCannotBeReadShowsTheTwoForms() throws IOException {
    assertBadFile(
        "p.yaml",
        """
        elements:
          - {name: numbers, type: IterSource, parameters: {items: [1]}}
        """
            + SINK
            + """
        links:
          - numbers => collect
        """,
        " line 6, field 'links': cannot read link 'numbers => collect'; write 'source:out ->"
            + " sink:in' or 'source -> sink'");
  }

  @Test
  void aLinkToAnUnknownElementListsTheElements() throws IOException {
    assertBadFile(
        "p.yaml",
        """
        elements:
          - {name: numbers, type: IterSource, parameters: {items: [1]}}
        """
            + SINK
            + """
        links:
          - numbers:out -> colect:in
        """,
        " line 6, field 'links': no element named 'colect'; the elements are [numbers,"
            + " collect]");
  }

  @Test
  void aLinkToAnUnknownPadListsThePads() throws IOException {
    assertBadFile(
        "p.yaml",
        """
        elements:
          - {name: numbers, type: IterSource, parameters: {items: [1]}}
        """
            + SINK
            + """
        links:
          - numbers:ot -> collect:in
        """,
        " line 6, field 'links': Element 'numbers' has no source pad 'ot'; its source pads are"
            + " [out]");
  }

  @Test
  void aPadOnOneSideOnlyIsAnError() throws IOException {
    assertBadFile(
        "p.yaml",
        """
        elements:
          - {name: numbers, type: IterSource, parameters: {items: [1]}}
        """
            + SINK
            + """
        links:
          - numbers:out -> collect
        """,
        " line 6, field 'links': link 'numbers:out -> collect' names a pad on one side only;"
            + " name both pads ('source:out -> sink:in') or neither ('source -> sink')");
  }

  @Test
  void unlinkedPadsAreReportedAtTheLinks() throws IOException {
    assertBadFile(
        "p.yaml",
        """
        elements:
          - {name: numbers, type: IterSource, parameters: {items: [1]}}
        """
            + SINK
            + """
        links: []
        """,
        " line 5, field 'links': Pipeline has 2 unlinked pads: source pad numbers:src:out, sink pad"
            + " collect:snk:in; link every pad (Pipeline.link or connect) or build the element without it");
  }

  @Test
  void yamlSyntaxErrorsNameTheLine() throws IOException {
    assertBadFile(
        "p.yaml",
        """
        elements:
          - name: a
           type: x
        """,
        " line 3, field 'elements': YAML syntax error: while parsing a block collection;"
            + " expected <block end>, but found '<block mapping start>'");
    assertBadFile(
        "q.yaml",
        """
        elements:
          - name: a
            type: IterSource
            parameters:
              items: [1, 2
          - name: b
        """,
        " line 6, field 'items': YAML syntax error: while parsing a flow sequence; expected ','"
            + " or ']', but got :");
  }

  @Test
  void jsonSyntaxErrorsNameTheLineAndField() throws IOException {
    assertBadFile(
        "p.json",
        """
        {"elements": [
          {"name": "a", "type": "IterSource",}
        ]}
        """,
        " line 2, field 'type': JSON syntax error: Unexpected character ('}' (code 125)): was"
            + " expecting double-quote to start field name");
  }

  @Test
  void aRepeatedKeyIsAnError() throws IOException {
    assertBadFile(
        "p.yaml",
        """
        elements:
          - name: a
            name: b
        """,
        " line 3, field 'name': the field appears twice in one mapping (first on line 2); keep"
            + " one");
  }

  @Test
  void emptyAndMisshapenFilesAreErrors() throws IOException {
    assertBadFile(
        "empty.yaml",
        "",
        " line 1: the file is empty; describe the pipeline with 'elements' and 'links'");
    assertBadFile(
        "list.yaml",
        "- a\n- b\n",
        " line 1: expected a mapping with 'elements' and 'links', got a list");
    assertBadFile(
        "none.yaml",
        "links: []\n",
        " line 1, field 'elements': missing; list the elements of the pipeline");
  }

  @Test
  void otherFileTypesAndMissingFilesAreErrors() throws IOException {
    assertBadFile(
        "p.txt", "elements: []", ": unknown file type; name the file *.yaml, *.yml or *.json");
    String missing = dir.resolve("missing.yaml").toString();
    var result = Cli.execute("run", missing);
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).containsExactly(missing + ": no such file");
  }

  @Test
  void userClassesMustBeOnTheClassPathAndBeElementsWithTheConstructor() throws IOException {
    assertBadFile(
        "p.yaml",
        "elements:\n  - {name: x, type: com.example.Missing}\n",
        " line 2, field 'type': class 'com.example.Missing' is not on the class path; check the"
            + " name or add its jar with --classpath");
    assertBadFile(
        "q.yaml",
        "elements:\n  - {name: x, type: java.lang.String}\n",
        " line 2, field 'type': class 'java.lang.String' is not a concrete sgn4j element; extend"
            + " SourceElement, TransformElement or SinkElement");
    assertBadFile(
        "r.yaml",
        "elements:\n  - {name: x, type: dev.sgn4j.elements.CollectSink}\n",
        " line 2, field 'type': class 'dev.sgn4j.elements.CollectSink' has no public constructor (String"
            + " name, Map<String, Object> parameters)");
  }

  @Test
  void aUserClassIsCheckedBeforeItsStaticInitializerRuns() throws IOException {
    String notAnElement = RunCommandTest.class.getName() + "$NotAnElement";
    assertBadFile(
        "p.yaml",
        "elements:\n  - {name: x, type: " + notAnElement + "}\n",
        " line 2, field 'type': class '"
            + notAnElement
            + "' is not a concrete sgn4j element; extend SourceElement, TransformElement or"
            + " SinkElement");
    String withoutConstructor = RunCommandTest.class.getName() + "$ElementWithoutConstructor";
    assertBadFile(
        "q.yaml",
        "elements:\n  - {name: x, type: " + withoutConstructor + "}\n",
        " line 2, field 'type': class '"
            + withoutConstructor
            + "' has no public constructor (String name, Map<String, Object> parameters)");

    assertThat(INITIALIZED).isEmpty();
  }

  @Test
  void aUserClassWhoseStaticInitializerFailsIsAnErrorAtItsType() throws IOException {
    String failing = RunCommandTest.class.getName() + "$FailingInitializer";
    assertBadFile(
        "p.yaml",
        "elements:\n  - {name: x, type: " + failing + "}\n",
        " line 2, field 'type': class '"
            + failing
            + "' failed in its static initializer: java.lang.IllegalStateException: no licence");
  }

  @Test
  void yamlAliasesRepeatAnchoredListsAndMappings() throws IOException {
    String file =
        write(
            "aliases.yaml",
            """
            elements:
              - {name: first, type: IterSource, parameters: {pad: a, items: &nums [1, 10]}}
              - {name: second, type: IterSource, parameters: {pad: b, items: [*nums, *nums]}}
              - {name: third, type: IterSource, parameters: {pad: c, items: *nums}}
              - name: add
                type: CallableTransform
                parameters: &sum
                  function: sum
                  inputs: [a, c]
              - {name: again, type: CallableTransform, parameters: *sum}
              - {name: collect, type: CollectSink, parameters: {pads: [x, y, z]}}
            links:
              - first -> add
              - third -> add
              - first -> again
              - third -> again
              - add:out -> collect:x
              - again:out -> collect:y
              - second:b -> collect:z
            """);
    var result = Cli.execute("run", file);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.outLines())
        .containsExactly(
            "collect x: [2, 20]", "collect y: [2, 20]", "collect z: [[1, 10], [1, 10]]");
  }

  @Test
  void anAliasWithoutAnEarlierAnchoredListOrMappingIsAnError() throws IOException {
    String detail =
        "; an alias repeats a list or mapping anchored before it ('&%s [...]' or '&%s {...}');"
            + " anchors on single values are not supported, so write the value out";
    assertBadFile(
        "p.yaml",
        """
        elements:
          - name: numbers
            type: IterSource
            parameters: {items: [1, *nums]}
        """,
        " line 4, field 'items': unknown alias '*nums'" + detail.formatted("nums", "nums"));
    assertBadFile(
        "q.yaml",
        """
        elements:
          - name: numbers
            type: IterSource
            parameters: {items: &loop [1, *loop]}
        """,
        " line 4, field 'items': unknown alias '*loop'" + detail.formatted("loop", "loop"));
    assertBadFile(
        "r.yaml",
        """
        elements:
          - name: numbers
            type: IterSource
            parameters:
              items: [&one 1, *one]
        """,
        " line 5, field 'items': unknown alias '*one'" + detail.formatted("one", "one"));
  }

  @Test
  void anAliasBombIsStoppedAtTheBound() throws IOException {
    String file =
        write(
            "bomb.yaml",
            """
            a: &a [x, x, x, x, x, x, x, x, x, x]
            b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
            c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
            d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
            e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
            f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
            g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
            h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]
            i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]
            elements: [*i, *i, *i, *i, *i, *i, *i, *i, *i, *i]
            """);
    var result = Cli.execute("run", file);

    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.errLines())
        .containsExactly(
            file
                + " line 5, field 'e': YAML aliases repeat more than 100000 values in this file;"
                + " write the values out or repeat fewer");
  }

  @Test
  void aFileLargerThanTheLimitIsRejectedBeforeParsing() throws IOException {
    String valid =
        """
        {"elements": [
          {"name": "numbers", "type": "IterSource", "parameters": {"items": [1]}},
          {"name": "collect", "type": "CollectSink"}],
         "links": ["numbers -> collect"]}
        """;
    int limit = 8 * 1024 * 1024;
    String atLimit = write("at-limit.json", valid + " ".repeat(limit - valid.length()));
    var ok = Cli.execute("run", atLimit);
    assertThat(ok.exitCode()).as(ok.err()).isZero();
    assertThat(ok.outLines()).containsExactly("collect: [1]");

    assertBadFile(
        "big.json",
        valid + " ".repeat(limit + 1 - valid.length()),
        ": the file has 8388609 bytes, more than the 8388608 bytes (8 MiB) a pipeline file may"
            + " have");
  }

  @Test
  void nullSourceFramesAndWaitMsMustBeInRange() throws IOException {
    assertBadFile(
        "p.yaml",
        """
        elements:
          - name: ticks
            type: NullSource
            parameters:
              frames: 1
              waitMs: 9223372036855
        """,
        " line 6, field 'parameters.waitMs': must be at most 9223372036854 (about 292 years),"
            + " got 9223372036855");
    assertBadFile(
        "q.yaml",
        """
        elements:
          - name: ticks
            type: NullSource
            parameters: {frames: -5}
        """,
        " line 4, field 'parameters.frames': must not be negative, got -5; leave 'frames' out to"
            + " send frames until the run is stopped");
  }

  @Test
  void elementAndPadNamesWithWhitespaceCannotBeLinkedAndAreRejected() throws IOException {
    assertBadFile(
        "p.yaml",
        """
        elements:
          - {name: my numbers, type: IterSource, parameters: {items: [1]}}
        """,
        " line 2, field 'name': invalid element name 'my numbers'; use a non-empty name without"
            + " ':' or whitespace");
    assertBadFile(
        "q.yaml",
        """
        elements:
          - {name: collect, type: CollectSink, parameters: {pads: [in, "left in"]}}
        """,
        " line 2, field 'parameters.pads': invalid pad name 'left in'; pad names must be"
            + " non-empty, without ':' or whitespace");
    assertBadFile(
        "r.yaml",
        """
        elements:
          - name: add
            type: CallableTransform
            parameters: {function: sum, output: "the sum"}
        """,
        " line 4, field 'parameters.output': invalid pad name 'the sum'; pad names must be"
            + " non-empty, without ':' or whitespace");
    assertBadFile(
        "s.yaml",
        """
        elements:
          - name: show
            type: dev.sgn4j.examples.LinePrinter
            parameters:
              pads: ["a b"]
        """,
        " line 4, field 'parameters': Element 'show' has an invalid sink pad name 'a b'; pad"
            + " names must not contain whitespace (spaces, tabs or line breaks) or ':'");
  }

  @Test
  void aUserClassRejectingItsParametersIsReportedAtTheParameters() throws IOException {
    assertBadFile(
        "p.yaml",
        """
        elements:
          - name: show
            type: dev.sgn4j.examples.LinePrinter
            parameters:
              colour: red
        """,
        " line 4, field 'parameters': LinePrinter 'show': unknown parameter 'colour'; its"
            + " parameters are pads and label");
  }

  @Test
  void aFailedRunExitsWithOneAfterTheFinalProgressLine() throws IOException {
    String file =
        write(
            "fail.yaml",
            """
            elements:
              - {name: words, type: IterSource, parameters: {items: [x]}}
              - {name: add, type: CallableTransform, parameters: {function: sum}}
              - {name: drop, type: NullSink}
            links: [words -> add, add -> drop]
            """);
    var result = Cli.execute("run", file);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines()).hasSize(2);
    assertThat(result.errLines().get(0))
        .matches("run ended: 1 iteration in \\d+\\.\\d{3} s, 0 of 3 elements at EOS");
    assertThat(result.errLines().get(1))
        .isEqualTo(
            "run failed: element 'add' failed at pad 'add:src:out' in iteration 1:"
                + " java.lang.IllegalArgumentException: CallableTransform 'add', function 'sum'"
                + " needs numbers, got x (String)");
  }

  @Test
  void withoutAFileTheUsageIsShownWithExitCodeTwo() {
    var result = Cli.execute("run");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).first().isEqualTo("Missing required parameter: 'FILE'");
  }
}
