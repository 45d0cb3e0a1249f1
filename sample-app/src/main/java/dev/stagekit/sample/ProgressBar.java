package dev.stagekit.sample;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

import dev.stagekit.client.upload.UploadProgress;

/**
 * A one-line terminal progress bar: bytes, percent, speed, time left and files.
 */
final class ProgressBar {

	private static final int WIDTH = 30;

	private final PrintStream out;

	ProgressBar(PrintStream out) {
		this.out = out;
	}

	void update(UploadProgress progress) {
		this.out.print("\r" + render(progress));
		if (progress.isDone()) {
			this.out.println();
		}
		this.out.flush();
	}

	static String render(UploadProgress progress) {
		double percent = progress.percent();
		int filled = (int) Math.round(percent / 100 * WIDTH);
		Duration left = progress.estimatedTimeLeft();
		return String.format(Locale.ROOT, "[%s%s] %5.1f%%  %s / %s  %s/s  ETA %s  files %d/%d", "#".repeat(filled),
				"-".repeat(WIDTH - filled), percent, size(progress.uploadedBytes()), size(progress.totalBytes()),
				size((long) progress.bytesPerSecond()), (left != null) ? duration(left) : "?",
				progress.completedFiles(), progress.totalFiles());
	}

	static String size(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
		}
		return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
	}

	static String duration(Duration duration) {
		long seconds = Math.max(0, duration.toSeconds());
		return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
	}

}
