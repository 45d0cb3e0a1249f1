package dev.stagekit.emulator.internal.format;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a {@code .npy} file (format versions 1 to 3): its dtype and shape. {@link #read} reads the header
 * only and leaves the stream at the first data byte.
 *
 * @param descr the dtype, for example {@code <f4}, {@code |u1} or {@code <U12}
 * @param fortranOrder whether the data is in Fortran order
 * @param shape the array's shape
 * @param headerBytes the bytes before the data: magic, version, header length and header
 */
record NumpyHeader(String descr, boolean fortranOrder, List<Long> shape, long headerBytes) {

	private static final byte[] MAGIC = { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y' };

	private static final int MAX_HEADER = 64 * 1024;

	private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");

	private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");

	private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

	/** Reads the header, or fails naming the file. */
	static NumpyHeader read(String name, InputStream stream) {
		DataInputStream in = new DataInputStream(stream);
		try {
			byte[] magic = new byte[6];
			in.readFully(magic);
			for (int i = 0; i < MAGIC.length; i++) {
				if (magic[i] != MAGIC[i]) {
					throw invalid(name, "it does not start with the magic string \\x93NUMPY");
				}
			}
			int major = in.readUnsignedByte();
			in.readUnsignedByte();
			long length;
			if (major == 1) {
				length = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
			}
			else if (major == 2 || major == 3) {
				length = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
			}
			else {
				throw invalid(name, "unsupported format version " + major);
			}
			if (length > MAX_HEADER) {
				throw invalid(name, "its header of " + length + " bytes is too long");
			}
			byte[] header = new byte[(int) length];
			in.readFully(header);
			String text = new String(header, (major == 3) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
			Matcher descr = DESCR.matcher(text);
			Matcher fortran = FORTRAN.matcher(text);
			Matcher shape = SHAPE.matcher(text);
			if (!descr.find() || !fortran.find() || !shape.find()) {
				throw invalid(name, "its header is not a dict with descr, fortran_order and shape");
			}
			List<Long> dimensions = new ArrayList<>();
			for (String part : shape.group(1).split(",")) {
				if (!part.isBlank()) {
					try {
						dimensions.add(Long.parseLong(part.trim()));
					}
					catch (NumberFormatException ex) {
						throw invalid(name, "its shape (" + shape.group(1) + ") is not a tuple of integers");
					}
				}
			}
			return new NumpyHeader(descr.group(1), fortran.group(1).equals("True"), List.copyOf(dimensions),
					((major == 1) ? 10 : 12) + length);
		}
		catch (EOFException ex) {
			throw invalid(name, "it ends inside its header");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ImportFailure invalid(String name, String why) {
		return new ImportFailure("failed to parse the numpy file '" + name + "': not a valid .npy file, " + why);
	}

	/** The bytes of one element ({@code 4 * n} for {@code Un}), or -1 for a dtype this reader does not size. */
	long itemSize() {
		String kind = kind();
		if (kind.equals("?")) {
			return 1;
		}
		if (kind.length() < 2 || "biufU".indexOf(kind.charAt(0)) < 0) {
			return -1;
		}
		try {
			long size = Long.parseLong(kind.substring(1));
			return (kind.charAt(0) == 'U') ? Math.multiplyExact(4, size) : size;
		}
		catch (NumberFormatException | ArithmeticException ex) {
			return -1;
		}
	}

	/** Whether multi-byte elements are big-endian. */
	boolean bigEndian() {
		return this.descr.startsWith(">");
	}

	/** The dtype without its byte-order mark, for example {@code f4} or {@code U12}. */
	String kind() {
		return (!this.descr.isEmpty() && "<>|=".indexOf(this.descr.charAt(0)) >= 0) ? this.descr.substring(1)
				: this.descr;
	}

}
