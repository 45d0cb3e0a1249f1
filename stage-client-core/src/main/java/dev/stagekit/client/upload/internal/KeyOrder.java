package dev.stagekit.client.upload.internal;

import java.util.Comparator;

/**
 * The order in which S3 lists keys: by the bytes of their UTF-8 encoding, which is the order of their Unicode
 * code points. Java's {@link String#compareTo} compares UTF-16 units instead and puts a character outside the
 * Basic Multilingual Plane (an emoji, a surrogate pair) before one in {@code U+E000..U+FFFF}, where S3 puts it
 * after; the walk and the listing are merged in this order, so both must use it.
 */
final class KeyOrder {

	/** Compares keys as S3 orders them. */
	static final Comparator<String> UTF8 = KeyOrder::compare;

	private KeyOrder() {
	}

	static int compare(String a, String b) {
		int i = 0;
		int j = 0;
		while (i < a.length() && j < b.length()) {
			int x = a.codePointAt(i);
			int y = b.codePointAt(j);
			if (x != y) {
				return Integer.compare(x, y);
			}
			i += Character.charCount(x);
			j += Character.charCount(y);
		}
		return Integer.compare(a.length() - i, b.length() - j);
	}

}
