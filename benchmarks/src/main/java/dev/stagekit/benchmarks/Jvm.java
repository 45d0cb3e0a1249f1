package dev.stagekit.benchmarks;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/** Child JVMs running this program in another mode, and this JVM's own CPU time. */
final class Jvm {

	private Jvm() {
	}

	/**
	 * The command line that starts this program in a new JVM.
	 * @param jvmOptions options for the new JVM
	 * @return a mutable list; append the program's arguments
	 */
	static List<String> command(List<String> jvmOptions) {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(jvmOptions);
		String classPath = System.getProperty("java.class.path");
		if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
			command.add("-jar");
			command.add(classPath);
		}
		else {
			command.add("-cp");
			command.add(classPath);
			command.add(UploadBenchmarks.class.getName());
		}
		return command;
	}

	/** CPU time of this whole JVM (every thread, GC and JIT included), in nanoseconds. */
	static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return -1;
	}

}
