package dev.sgn4j.parallel;

/** Marks the three parallel element kinds, for {@link Parallelize#needsParallelization}. */
interface ParallelElement {}
