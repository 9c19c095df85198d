package dev.migrations.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Describes the machine the benchmark runs on: processor, cores, memory, operating system
 * and Java.
 */
final class Machine {

	private Machine() {
	}

	static List<String> describe() {
		List<String> lines = new ArrayList<>();
		String processor = procValue("/proc/cpuinfo", "model name").orElse("unknown processor");
		lines.add("CPU: " + processor + ", " + Runtime.getRuntime().availableProcessors()
				+ " cores available to the JVM");
		procValue("/proc/meminfo", "MemTotal").ifPresent((memory) -> lines.add("Memory: " + gibibytes(memory)));
		lines.add("OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
				+ System.getProperty("os.arch") + ")");
		lines.add("Java: " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
				+ System.getProperty("java.vm.vendor") + ")");
		return lines;
	}

	private static Optional<String> procValue(String file, String key) {
		Path path = Path.of(file);
		if (!Files.isReadable(path)) {
			return Optional.empty();
		}
		try {
			for (String line : Files.readAllLines(path)) {
				int colon = line.indexOf(':');
				if (colon > 0 && line.substring(0, colon).strip().equals(key)) {
					return Optional.of(line.substring(colon + 1).strip());
				}
			}
		}
		catch (IOException ex) {
			// Not Linux, or not readable: the line is left out.
		}
		return Optional.empty();
	}

	private static String gibibytes(String value) {
		String[] parts = value.split("\\s+");
		try {
			return String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(parts[0]) / 1024.0 / 1024.0);
		}
		catch (NumberFormatException ex) {
			return value;
		}
	}

}
