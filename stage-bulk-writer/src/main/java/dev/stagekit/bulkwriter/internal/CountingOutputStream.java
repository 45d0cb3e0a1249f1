package dev.stagekit.bulkwriter.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Counts the bytes that pass.
 */
final class CountingOutputStream extends FilterOutputStream {

	private long count;

	CountingOutputStream(OutputStream out) {
		super(out);
	}

	@Override
	public void write(int b) throws IOException {
		this.out.write(b);
		this.count++;
	}

	@Override
	public void write(byte[] b, int off, int len) throws IOException {
		this.out.write(b, off, len);
		this.count += len;
	}

	long count() {
		return this.count;
	}

}
