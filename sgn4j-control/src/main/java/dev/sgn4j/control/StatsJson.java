package dev.sgn4j.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sgn4j.stats.ElementStats;
import dev.sgn4j.stats.PadStats;
import dev.sgn4j.stats.RunStats;
import java.util.Map;

/**
 * {@link RunStats} as the JSON of {@code GET /stats}: snake_case names as in SGN's state maps, and
 * every duration in whole nanoseconds ({@code *_ns}).
 *
 * <pre>{@code
 * {"iterations":120,"elapsed_ns":5300000,"running":true,"elements":[
 *   {"name":"source","type":"Knobs","calls":120,"frames_in":0,"frames_out":120,"gaps":0,"eos":0,
 *    "at_eos":false,"eos_iteration":null,"eos_elapsed_ns":null,"time_ns":81000,"mean_ns":600,"p99_ns":2100,"extra":{},
 *    "pads":[{"pad":"source:src:out","calls":120,"frames":120,"gaps":0,"eos":0,
 *             "time_ns":70000,"mean_ns":550,"p99_ns":2000}]}]}
 * }</pre>
 */
final class StatsJson {

  private StatsJson() {}

  /**
   * The stats of the pipeline's current or last run, with its name, the run's id and {@link
   * dev.sgn4j.RunState} ({@code null} before the first run) and what it failed with: {@code
   * "error":{"element":"gain","pad":"gain:src:out","message":"..."}} or {@code null}.
   */
  static ObjectNode of(dev.sgn4j.Pipeline pipeline) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("pipeline", pipeline.name());
    var run = pipeline.currentRun().or(pipeline::lastRun);
    root.put("run", run.map(dev.sgn4j.Run::id).orElse(null));
    root.put("state", run.map(r -> r.state().name()).orElse(null));
    Throwable failure = run.flatMap(dev.sgn4j.Run::failure).orElse(null);
    if (failure == null) {
      root.putNull("error");
    } else {
      ObjectNode error = root.putObject("error");
      if (failure instanceof dev.sgn4j.PipelineException e) {
        error.put("element", e.elementName());
        error.put("pad", e.padName());
      } else {
        error.putNull("element");
        error.putNull("pad");
      }
      error.put("message", failure.getMessage());
    }
    root.setAll(of(pipeline.stats()));
    return root;
  }

  static ObjectNode of(RunStats stats) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("iterations", stats.iterations());
    root.put("elapsed_ns", stats.elapsed().toNanos());
    root.put("running", stats.running());
    ArrayNode elements = root.putArray("elements");
    for (ElementStats element : stats.elements()) {
      elements.add(element(element));
    }
    return root;
  }

  private static ObjectNode element(ElementStats element) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("name", element.name());
    node.put("type", element.type());
    node.put("calls", element.calls());
    node.put("frames_in", element.framesIn());
    node.put("frames_out", element.framesOut());
    node.put("gaps", element.gaps());
    node.put("eos", element.eos());
    node.put("at_eos", element.atEos());
    if (element.eosTime().isPresent()) {
      node.put("eos_iteration", element.eosTime().get().iteration());
      node.put("eos_elapsed_ns", element.eosTime().get().elapsed().toNanos());
    } else {
      node.putNull("eos_iteration");
      node.putNull("eos_elapsed_ns");
    }
    node.put("time_ns", element.time().toNanos());
    node.put("mean_ns", element.mean().toNanos());
    node.put("p99_ns", element.p99().toNanos());
    ObjectNode extra = node.putObject("extra");
    for (Map.Entry<String, Object> figure : element.extra().entrySet()) {
      extra.set(figure.getKey(), Json.MAPPER.valueToTree(figure.getValue()));
    }
    ArrayNode pads = node.putArray("pads");
    for (PadStats pad : element.pads()) {
      ObjectNode padNode = pads.addObject();
      padNode.put("pad", pad.pad());
      padNode.put("calls", pad.calls());
      padNode.put("frames", pad.frames());
      padNode.put("gaps", pad.gaps());
      padNode.put("eos", pad.eos());
      padNode.put("time_ns", pad.time().toNanos());
      padNode.put("mean_ns", pad.mean().toNanos());
      padNode.put("p99_ns", pad.p99().toNanos());
    }
    return node;
  }
}
