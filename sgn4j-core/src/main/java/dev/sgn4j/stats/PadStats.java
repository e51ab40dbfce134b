package dev.sgn4j.stats;

import java.time.Duration;

/**
 * Counts and timings of one pad in a run: how often it was called, the frames that passed it (data,
 * gaps, EOS), and the time spent in its callback. Times come from a sample of the calls (one pass
 * in 128), scaled up to all calls, so measuring costs little.
 *
 * <pre>{@code
 * PadStats pad = pipeline.stats().element("scale").pads().get(0);
 * pad.frames();   // data frames pulled or made
 * pad.p99();      // 99th percentile of one call's time
 * }</pre>
 *
 * @param pad the pad's full name
 * @param calls how many times the pad was called
 * @param frames frames with data (not gaps) that passed the pad
 * @param gaps gap frames that passed the pad
 * @param eos frames with EOS that passed the pad
 * @param time estimated total time in the pad's callback
 * @param mean mean time of one call (from the sample)
 * @param p99 99th percentile of one call's time (from the sample), within 25%
 */
public record PadStats(
    String pad,
    long calls,
    long frames,
    long gaps,
    long eos,
    Duration time,
    Duration mean,
    Duration p99) {}
