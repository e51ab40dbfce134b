package dev.sgn4j.parallel.spi;

import dev.sgn4j.worker.FrameMap;
import dev.sgn4j.worker.SharedMemory;
import dev.sgn4j.worker.WorkerLogic;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a {@link WorkerLauncher} is asked to start: one worker of a parallel element, with its
 * logic, parameters and queue size, and the two callbacks that connect it to the run.
 *
 * <pre>{@code
 * LaunchedWorker worker = launcher.launch(request);
 * worker.start();
 * // ... when the worker ends, the launcher calls request.onEnd().accept(failureOrNull)
 * }</pre>
 *
 * @param elementName the parallel element
 * @param workerName the worker, e.g. {@code square} or {@code square-1} in a pool
 * @param workerIndex the worker's index in the pool, from 0
 * @param logic the worker logic class (public, with a public no-argument constructor); null when
 *     the worker runs {@code function}
 * @param function the {@link FrameMap} class the worker runs as {@link MapLogic}, or null
 * @param parameters the worker parameters, settled when the run started
 * @param queueCapacity items each of the worker's queues holds
 * @param queueBytes bytes each of the worker's queues holds when they are byte rings (process
 *     workers); a power of two, every item must fit in it
 * @param sharedMemory the scope's shared memory segments by name
 * @param wakeUp to call whenever the worker made output available or took input, when the launcher
 *     can (see {@link LaunchedWorker#wakesRunLoop()})
 * @param onEnd to call exactly once when the worker ended: with null when it ended cleanly, else
 *     with its exception (rebuilt when it comes from another process) or a description of how it
 *     died
 */
public record LaunchRequest(
    String elementName,
    String workerName,
    int workerIndex,
    Class<? extends WorkerLogic> logic,
    Class<? extends FrameMap> function,
    int queueCapacity,
    int queueBytes,
    Map<String, Object> parameters,
    Map<String, SharedMemory> sharedMemory,
    Runnable wakeUp,
    Consumer<Throwable> onEnd) {}
