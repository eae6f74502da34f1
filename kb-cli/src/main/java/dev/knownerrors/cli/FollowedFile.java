package dev.knownerrors.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.RandomAccessFile;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * A log file read like {@code tail -F}: a {@link Reader} that, at the end of the file, waits for
 * more instead of ending. It hands out complete lines only (a line still being written waits for
 * its line break). {@link #read} returns -1 once when the file has been quiet for
 * {@code quietMillis} after new data (so that the event being assembled is finished) and once
 * when the file was truncated or replaced (rotation); after that, {@link #restarted()} says whether
 * reading starts over at the beginning of the (new) file. A replaced file is read to its end
 * before switching. Replacement is noticed by the file key (the inode); where the file system has
 * none (Windows), and when a truncated file grows past the old size between two polls, only what
 * the size shows is noticed, as with {@code tail}. The thread's interrupt ends the wait with an
 * {@link InterruptedIOException}. Not thread-safe.
 */
final class FollowedFile extends Reader {

    private static final int CHUNK = 64 * 1024;

    private final Path path;
    private final long pollMillis;
    private final long quietMillis;
    private final ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
    private final CharBuffer chars = CharBuffer.allocate(CHUNK);
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private RandomAccessFile file;
    private Object fileKey;
    private long position;
    private long lastData;
    private boolean quietReported = true;
    private boolean restarted;

    FollowedFile(Path path, long pollMillis, long quietMillis) throws IOException {
        this.path = path;
        this.pollMillis = pollMillis;
        this.quietMillis = quietMillis;
        open();
        chars.flip();
    }

    /** Bytes of the current file consumed so far. */
    long position() {
        return position;
    }

    /** The size of the current file. */
    long size() {
        try {
            return file.length();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Whether reading started over at the beginning of a file since the last call (and clears it). */
    boolean restarted() {
        boolean r = restarted;
        restarted = false;
        return r;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("stopped following " + path);
            }
            if (restarted) {
                return -1; // until restarted() is called: the new file needs new line numbers
            }
            if (chars.hasRemaining()) {
                int n = Math.min(length, chars.remaining());
                chars.get(buffer, offset, n);
                return n;
            }
            if (fill()) {
                lastData = System.nanoTime();
                quietReported = false;
                continue;
            }
            if (switched()) {
                continue;
            }
            if (!quietReported && System.nanoTime() - lastData >= quietMillis * 1_000_000) {
                quietReported = true;
                return -1;
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("stopped following " + path);
            }
        }
    }

    /** Reads what is there and decodes it up to the last line break (all of it when the buffer is full). */
    private boolean fill() throws IOException {
        int n = file.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n > 0) {
            bytes.position(bytes.position() + n);
        }
        int end = lastLineBreak();
        if (end < 0 && bytes.hasRemaining()) {
            return false;
        }
        bytes.flip();
        int limit = bytes.limit();
        if (end >= 0) {
            bytes.limit(end + 1);
        }
        chars.clear();
        int before = bytes.position();
        decoder.decode(bytes, chars, false);
        position += bytes.position() - before;
        bytes.limit(limit);
        bytes.compact();
        chars.flip();
        return chars.hasRemaining();
    }

    private int lastLineBreak() {
        byte[] a = bytes.array();
        for (int i = bytes.position() - 1; i >= 0; i--) {
            if (a[i] == '\n' || a[i] == '\r') {
                return i;
            }
        }
        return -1;
    }

    /**
     * At the end of the current file: whether the path now names another file (rotation) or the
     * file got shorter (truncation); if so, reading goes on from the beginning of what the path
     * names now. Lines the old file got just before it was replaced are read first.
     */
    private boolean switched() throws IOException {
        BasicFileAttributes now;
        try {
            now = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return false; // moved away and not replaced yet: stay with the old file
        }
        boolean replaced = fileKey != null && !Objects.equals(fileKey, now.fileKey());
        boolean truncated = !replaced && file.length() < position + bytes.position();
        if (!replaced && !truncated) {
            return false;
        }
        if (replaced && fill()) {
            return true;
        }
        if (replaced) {
            file.close();
            open();
        } else {
            file.seek(0);
        }
        position = 0;
        bytes.clear();
        chars.clear().flip();
        decoder.reset();
        restarted = true;
        quietReported = true;
        return true;
    }

    private void open() throws IOException {
        file = new RandomAccessFile(path.toFile(), "r");
        fileKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
