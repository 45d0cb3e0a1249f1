package dev.stagekit.bulkwriter.internal;

/**
 * Conversions of floats to IEEE half precision and bfloat16 (round to nearest even), as Java 17 has none.
 */
final class HalfFloats {

	private HalfFloats() {
	}

	static int toBfloat16(float value) {
		int bits = Float.floatToIntBits(value);
		int rounding = 0x7FFF + ((bits >>> 16) & 1);
		return ((bits + rounding) >>> 16) & 0xFFFF;
	}

	static int toFloat16(float value) {
		int bits = Float.floatToIntBits(value);
		int sign = (bits >>> 16) & 0x8000;
		int exponent = ((bits >>> 23) & 0xFF) - 127 + 15;
		int mantissa = bits & 0x7F_FFFF;
		if (exponent >= 31) {
			return sign | 0x7C00;
		}
		if (exponent <= 0) {
			if (exponent < -10) {
				return sign;
			}
			mantissa |= 0x80_0000;
			int shift = 14 - exponent;
			int half = mantissa >> shift;
			int remainder = mantissa & ((1 << shift) - 1);
			int halfway = 1 << (shift - 1);
			if (remainder > halfway || (remainder == halfway && (half & 1) != 0)) {
				half++;
			}
			return sign | half;
		}
		int half = sign | (exponent << 10) | (mantissa >> 13);
		int remainder = mantissa & 0x1FFF;
		if (remainder > 0x1000 || (remainder == 0x1000 && (half & 1) != 0)) {
			half++;
		}
		return half;
	}

}
