package dev.migrations.testing;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * What a logger logs while an action runs, down to INFO, although the tests'
 * configuration logs only warnings.
 */
public final class LoggedEvents {

	private LoggedEvents() {
	}

	/**
	 * Run an action and return what a logger and those below it logged meanwhile.
	 * @param loggerName the logger, such as {@code dev.migrations}
	 * @param action the action
	 * @return the events, in the order they were logged
	 */
	public static List<ILoggingEvent> during(String loggerName, Runnable action) {
		Logger logger = (Logger) LoggerFactory.getLogger(loggerName);
		Level level = logger.getLevel();
		ListAppender<ILoggingEvent> events = new ListAppender<>();
		events.start();
		logger.addAppender(events);
		logger.setLevel(Level.INFO);
		try {
			action.run();
		}
		finally {
			logger.setLevel(level);
			logger.detachAppender(events);
		}
		return events.list;
	}

}
