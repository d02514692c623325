package org.yundangke.media;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The few part-sized buffers every upload on this node shares. Reusing them keeps the heap flat however many gigabytes
 * pass through (no new multi-megabyte array per part), and bounds how many parts are in memory at once: a part that
 * finds none free within a while is answered "busy" and the browser sends it again.
 */
@Component
class PartBuffers {

    static final int MAX_BUFFERS = 4;
    private static final long WAIT_SECONDS = 30;

    private final int size;
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(MAX_BUFFERS);
    private final AtomicInteger created = new AtomicInteger();

    PartBuffers(MediaProperties properties) {
        this.size = (int) properties.chunkSize().toBytes();
    }

    /** A buffer of at least {@code length} bytes; give it back with {@link #release}. */
    byte[] borrow(int length) throws InterruptedException {
        if (length > size) {
            return new byte[length]; // a session started under a larger chunk setting: rare, not pooled
        }
        byte[] buffer = free.poll();
        if (buffer == null && created.getAndUpdate(n -> n < MAX_BUFFERS ? n + 1 : n) < MAX_BUFFERS) {
            return new byte[size];
        }
        buffer = buffer != null ? buffer : free.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (buffer == null) {
            throw new BusyException();
        }
        return buffer;
    }

    void release(byte[] buffer) {
        if (buffer.length == size) {
            free.offer(buffer);
        }
    }

    /** Every buffer is in use: the part should be sent again shortly. */
    static class BusyException extends RuntimeException {
        BusyException() {
            super("all upload buffers busy");
        }
    }
}
