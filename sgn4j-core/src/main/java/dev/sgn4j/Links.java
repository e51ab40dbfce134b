package dev.sgn4j;

/** Making links, shared by {@link Pipeline} and {@link Compose}. */
final class Links {

  private Links() {}

  /** Fan-in and relinking are errors: a sink pad takes exactly one upstream pad. */
  static void requireUnlinked(SinkPad sink, SourcePad source) {
    SourcePad upstream = sink.upstreamOrNull();
    if (upstream == source) {
      throw new IllegalArgumentException(
          "Sink pad '%s' is already linked to '%s'; each link is made once"
              .formatted(sink.fullName(), source.fullName()));
    }
    if (upstream != null) {
      throw new IllegalArgumentException(
          ("Cannot link sink pad '%s' to '%s': it is already linked to '%s' and a sink pad takes"
                  + " exactly one upstream pad; to combine both streams, link them to two sink pads"
                  + " of a merging transform")
              .formatted(sink.fullName(), source.fullName(), upstream.fullName()));
    }
  }

  static void link(SinkPad sink, SourcePad source) {
    requireUnlinked(sink, source);
    sink.setUpstream(source);
    source.addDownstream(sink);
  }
}
