package dev.sgn4j;

import static dev.sgn4j.Groups.select;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.elements.CallableTransform;
import dev.sgn4j.elements.NullSink;
import dev.sgn4j.elements.NullSource;
import dev.sgn4j.testsupport.Requirement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden tests of {@link Pipeline#toDot} and {@link Pipeline#toMermaid}. */
public class GraphExportTest {

  /** SGN's test pipeline: src1 -> t1 -> snk1, every pad named H1. */
  public static Pipeline smallPipeline() {
    var src = new NullSource("src1", List.of("H1"), 1, null);
    var t1 = CallableTransform.fromCallable("t1", frames -> null, "H1", List.of("H1"));
    var snk = new NullSink("snk1", List.of("H1"));
    return new Pipeline()
        .insert(src, t1, snk)
        .link("t1:snk:H1", "src1:src:H1")
        .link("snk1:snk:H1", "t1:src:H1");
  }

  static final String SMALL_DOT =
      """
      digraph pipeline {
      \tgraph [labelloc=t rankdir=LR ranksep=2]
      \tnode [fontname="times mono" shape=plaintext]
      \tsnk1 [label=<
      <TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0" bgcolor="DodgerBlue">
        <TR><TD COLSPAN="3" CELLPADDING="4"><b>snk1</b></TD></TR>
        <TR><TD COLSPAN="3" CELLPADDING="4">NullSink</TD></TR>
        <TR>
          <TD>
            <TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4">
              <TR><TD PORT="snk1__snk__H1" fixedsize="false" width="18" height="30" \
      align="left" bgcolor="lightblue">H1</TD></TR>
            </TABLE>
          </TD>
          <TD>-</TD>
          <TD></TD>
        </TR>
      </TABLE>
      >]
      \tsrc1 [label=<
      <TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0" bgcolor="DodgerBlue">
        <TR><TD COLSPAN="3" CELLPADDING="4"><b>src1</b></TD></TR>
        <TR><TD COLSPAN="3" CELLPADDING="4">NullSource</TD></TR>
        <TR>
          <TD></TD>
          <TD>-</TD>
          <TD>
            <TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4">
              <TR><TD PORT="src1__src__H1" fixedsize="false" width="18" height="30" \
      align="right" bgcolor="MediumAquaMarine">H1</TD></TR>
            </TABLE>
          </TD>
        </TR>
      </TABLE>
      >]
      \tt1 [label=<
      <TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0" bgcolor="DodgerBlue">
        <TR><TD COLSPAN="3" CELLPADDING="4"><b>t1</b></TD></TR>
        <TR><TD COLSPAN="3" CELLPADDING="4">CallableTransform</TD></TR>
        <TR>
          <TD>
            <TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4">
              <TR><TD PORT="t1__snk__H1" fixedsize="false" width="18" height="30" \
      align="left" bgcolor="lightblue">H1</TD></TR>
            </TABLE>
          </TD>
          <TD>-</TD>
          <TD>
            <TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4">
              <TR><TD PORT="t1__src__H1" fixedsize="false" width="18" height="30" \
      align="right" bgcolor="MediumAquaMarine">H1</TD></TR>
            </TABLE>
          </TD>
        </TR>
      </TABLE>
      >]
      \tsrc1:src1__src__H1 -> t1:t1__snk__H1
      \tt1:t1__src__H1 -> snk1:snk1__snk__H1
      }
      """;

  @Test
  void toDotDrawsEveryElementAsATableSortedByNameAndEveryLinkAsAnEdge() {
    assertThat(smallPipeline().toDot()).isEqualTo(SMALL_DOT);
  }

  @Test
  void toDotIsTheSameOnEveryCallAndWithoutALabel() {
    Pipeline pipeline = smallPipeline();

    assertThat(pipeline.toDot()).isEqualTo(pipeline.toDot()).isEqualTo(pipeline.toDot(""));
    assertThat(pipeline.toDot(null)).isEqualTo(SMALL_DOT);
  }

  @Test
  void unlinkedPadsAreTomatoAndTheLabelIsTheGraphTitle() {
    var source = new NullSource("source", List.of("A", "C"), 1, null);
    var sink = new NullSink("sink", List.of("A"));
    Pipeline pipeline = new Pipeline().connect(select(source, "A"), sink);

    assertThat(pipeline.toDot("unlinked C"))
        .isEqualTo(
            """
            digraph pipeline {
            \tgraph [label=<<font point-size="32"><b>unlinked C</b></font>> labelloc=t \
            rankdir=LR ranksep=2]
            \tnode [fontname="times mono" shape=plaintext]
            \tsink [label=<
            <TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0" bgcolor="DodgerBlue">
              <TR><TD COLSPAN="3" CELLPADDING="4"><b>sink</b></TD></TR>
              <TR><TD COLSPAN="3" CELLPADDING="4">NullSink</TD></TR>
              <TR>
                <TD>
                  <TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4">
                    <TR><TD PORT="sink__snk__A" fixedsize="false" width="9" height="30" \
            align="left" bgcolor="lightblue">A</TD></TR>
                  </TABLE>
                </TD>
                <TD>-</TD>
                <TD></TD>
              </TR>
            </TABLE>
            >]
            \tsource [label=<
            <TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0" bgcolor="DodgerBlue">
              <TR><TD COLSPAN="3" CELLPADDING="4"><b>source</b></TD></TR>
              <TR><TD COLSPAN="3" CELLPADDING="4">NullSource</TD></TR>
              <TR>
                <TD></TD>
                <TD>-</TD>
                <TD>
                  <TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4">
                    <TR><TD PORT="source__src__A" fixedsize="false" width="9" height="30" \
            align="right" bgcolor="MediumAquaMarine">A</TD></TR>
                    <TR><TD PORT="source__src__C" fixedsize="false" width="9" height="30" \
            align="right" bgcolor="tomato">C</TD></TR>
                  </TABLE>
                </TD>
              </TR>
            </TABLE>
            >]
            \tsource:source__src__A -> sink:sink__snk__A
            }
            """);
  }

  @Test
  void aPadColumnIsNinePointsPerCharacterOfItsLongestName() {
    var source = new NullSource("s", List.of("a", "longest"), 1, null);
    String dot = new Pipeline().insert(source).toDot();

    assertThat(dot)
        .contains("PORT=\"s__src__a\" fixedsize=\"false\" width=\"63\"")
        .contains("PORT=\"s__src__longest\" fixedsize=\"false\" width=\"63\"");
  }

  @Test
  void namesThatAreNotPlainIdentifiersAreQuotedAndHtmlIsEscaped() {
    var source = new NullSource("to-fahrenheit", List.of("a&b"), 1, null);
    var sink = new NullSink("graph", List.of("<in>"));
    Pipeline pipeline =
        new Pipeline().insert(source, sink).link("graph:snk:<in>", "to-fahrenheit:src:a&b");
    String dot = pipeline.toDot("\"x\" < y");

    assertThat(dot)
        .contains("<b>&quot;x&quot; &lt; y</b>")
        .contains("\t\"to-fahrenheit\" [label=<\n")
        .contains("\t\"graph\" [label=<\n")
        .contains("<TD PORT=\"graph__snk__&lt;in&gt;\"")
        .contains("bgcolor=\"lightblue\">&lt;in&gt;</TD>")
        .contains("<TD PORT=\"to-fahrenheit__src__a&amp;b\"")
        .contains(
            "\t\"to-fahrenheit\":\"to-fahrenheit__src__a&b\" -> \"graph\":\"graph__snk__<in>\"\n");
  }

  @Test
  void anonymousElementsShowTheClassTheyExtend() {
    var source =
        new SourceElement("anon", List.of("out")) {
          @Override
          protected Frame newFrame(SourcePad pad) {
            return Frame.eos();
          }
        };

    assertThat(new Pipeline().insert(source).toDot())
        .contains("<TD COLSPAN=\"3\" CELLPADDING=\"4\">SourceElement</TD>");
  }

  @Test
  void anEmptyPipelineIsAnEmptyGraph() {
    assertThat(new Pipeline().toDot())
        .isEqualTo(
            """
            digraph pipeline {
            \tgraph [labelloc=t rankdir=LR ranksep=2]
            \tnode [fontname="times mono" shape=plaintext]
            }
            """);
  }

  @Test
  void toMermaidDrawsOneNodePerElementAndOneLabelledEdgePerLink() {
    assertThat(smallPipeline().toMermaid())
        .isEqualTo(
            """
            flowchart LR
              e0["<b>snk1</b><br/>NullSink<br/>sinks: H1"]
              e1["<b>src1</b><br/>NullSource<br/>sources: H1"]
              e2["<b>t1</b><br/>CallableTransform<br/>sinks: H1<br/>sources: H1"]
              e1 -->|"H1 → H1"| e2
              e2 -->|"H1 → H1"| e0
              classDef element fill:DodgerBlue,color:black
              classDef unlinked fill:tomato,color:black
              class e0,e1,e2 element
            """);
  }

  @Test
  void toMermaidMarksUnlinkedPadsAndEscapesNames() {
    var source = new NullSource("src \"1\"", List.of("A", "C#"), 1, null);
    var sink = new NullSink("sink<x>", List.of("in"));
    Pipeline pipeline = new Pipeline().connect(select(source, "A"), sink);

    assertThat(pipeline.toMermaid())
        .isEqualTo(
            """
            flowchart LR
              e0["<b>sink#lt;x#gt;</b><br/>NullSink<br/>sinks: in"]
              e1["<b>src #quot;1#quot;</b><br/>NullSource<br/>sources: A, C#35; (unlinked)"]
              e1 -->|"A → in"| e0
              classDef element fill:DodgerBlue,color:black
              classDef unlinked fill:tomato,color:black
              class e0 element
              class e1 unlinked
            """);
  }

  @Test
  void composedElementsAreDrawnAsClustersAroundTheirInnerElements(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
    var plus = CallableTransform.fromCallable("plus", f -> null, "out", List.of("in"));
    var negate = CallableTransform.fromCallable("negate", f -> null, "out", List.of("in"));
    var shift = new Compose().connect(plus, negate).asTransform("shift");
    var pipeline =
        new Pipeline()
            .connect(new NullSource("src", List.of("out"), 1, null), shift)
            .connect(shift, new NullSink("snk", List.of("out")));

    String dot = pipeline.toDot();

    assertThat(dot.lines().toList())
        .contains(
            "\tsubgraph cluster_shift {",
            "\t\tlabel=<<b>shift</b> (ComposedTransformElement)>",
            "\tplus:plus__src__out -> negate:negate__snk__in",
            "\tshift:shift__snk__in -> plus:plus__snk__in [style=dashed arrowhead=none]",
            "\tnegate:negate__src__out -> shift:shift__src__out [style=dashed arrowhead=none]",
            "\tsrc:src__src__out -> shift:shift__snk__in",
            "\tshift:shift__src__out -> snk:snk__snk__out");
    Requirement.DOT.check();
    java.nio.file.Path svg = dir.resolve("composed.svg");
    pipeline.render(svg);
    assertThat(java.nio.file.Files.readString(svg)).contains("<svg", "cluster_shift");
  }
}
