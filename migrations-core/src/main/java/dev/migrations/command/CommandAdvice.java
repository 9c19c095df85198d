package dev.migrations.command;

/**
 * The core's advice in the words of this command line.
 */
final class CommandAdvice {

	private CommandAdvice() {
	}

	/**
	 * Name this command line's option where the core's advice names the Java call.
	 */
	static String inCommandWords(String advice) {
		return advice.replace("repair(true)", "migrate:repair --accept-checksums");
	}

}
