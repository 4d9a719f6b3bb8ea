/**
 * Where a trial trains: {@link io.tunelab.trainers.device.SlotDevices} maps the execution slot a trial
 * holds ({@code gpu:N}, {@code cpu:N}) to a DJL device, checked against a
 * {@link io.tunelab.trainers.device.DeviceInventory}; {@link io.tunelab.trainers.device.CpuThreads} sets
 * PyTorch's CPU thread pools.
 *
 * <h2>Threads</h2>
 * When several trials train in parallel on the CPU, give each one intra-op thread:
 * {@code -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1} before the engine
 * starts (Tunelab's test and launcher settings), or {@code CpuThreads.setIntraOp(1)} after. PyTorch's
 * pools are process-wide; with two threads per trial and the other cores busy, the pools oversubscribe
 * the machine and training is many times slower. A single trial alone may use all cores.
 */
package io.tunelab.trainers.device;
