/**
 * How sgn4j's threads wait: {@link dev.sgn4j.concurrent.IdleStrategy} spins for about as long as a
 * thread wake-up would cost, then parks until woken, so hand-offs between busy threads stay cheap
 * and idle threads use no CPU.
 */
package dev.sgn4j.concurrent;
