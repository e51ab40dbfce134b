package dev.sgn4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sgn4j run}: every mistake in a file names the file, line and field; exit code 2. */
class RunCommandTest {

  private static final String SINK =
      """
        - name: collect
          type: CollectSink
      """;

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
        " line 4, field 'params': unknown field of an element; its fields are name, type and"
            + " parameters");
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
            + " name or add its jar to the class path");
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
