/**
 * A testing kit for elements, in the spirit of Reactor's {@code StepVerifier} and Pekko's {@code
 * TestKit} but in SGN's terms: {@link dev.sgn4j.test.ElementTester} feeds an element's sink pads
 * with frames, one per iteration, runs it in a pipeline of its own, and checks the frames of each
 * source pad, the iteration of EOS, DataSpecs, stats and errors, showing a table of iterations
 * (expected against actual) when they differ.
 *
 * <pre>{@code
 * ElementTester.of(scale)
 *     .input("in", 1, 2, 3)
 *     .expectData("out", 10, 20, 30)
 *     .expectEosAt("out", 4)
 *     .verify();
 * }</pre>
 */
package dev.sgn4j.test;
