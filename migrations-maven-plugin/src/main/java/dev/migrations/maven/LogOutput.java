package dev.migrations.maven;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A stream of a command's output that hands each line to the Maven log, and keeps the
 * lines so that a failed goal can say what went wrong. Not thread-safe.
 */
final class LogOutput extends OutputStream {

	private final Consumer<String> log;

	private final List<String> lines = new ArrayList<>();

	private final ByteArrayOutputStream line = new ByteArrayOutputStream();

	private LogOutput(Consumer<String> log) {
		this.log = log;
	}

	/**
	 * Return an output whose lines go to a log.
	 * @param log the log, such as {@code getLog()::info}
	 * @return the output
	 */
	static LogOutput to(Consumer<String> log) {
		return new LogOutput(log);
	}

	/**
	 * Return a print stream that writes here.
	 * @return the stream
	 */
	PrintStream stream() {
		return new PrintStream(this, true, StandardCharsets.UTF_8);
	}

	@Override
	public void write(int b) {
		if (b == '\n') {
			endLine();
		}
		else {
			this.line.write(b);
		}
	}

	@Override
	public void flush() {
		// a line goes to the log when it ends, or when the stream is closed
	}

	@Override
	public void close() {
		if (this.line.size() > 0) {
			endLine();
		}
	}

	private void endLine() {
		String text = this.line.toString(StandardCharsets.UTF_8);
		if (text.endsWith("\r")) {
			text = text.substring(0, text.length() - 1);
		}
		this.line.reset();
		this.lines.add(text);
		this.log.accept(text);
	}

	/**
	 * Return the lines written so far.
	 * @return the lines
	 */
	List<String> lines() {
		return List.copyOf(this.lines);
	}

}
