package dev.migrations;

import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Root of the unchecked exceptions thrown by the migration engine. Each says what failed
 * ({@link #description()}) and carries what resolves it as data ({@link #remedy()}); its
 * message is the description followed by the next step, worded for a Java caller. A
 * secondary failure (releasing a lock, rolling back) is attached as suppressed and never
 * replaces the first.
 */
public class MigrationException extends RuntimeException {

	private static final String NEXT_STEP = "\nNext step: ";

	private final Remedy remedy;

	public MigrationException(String description) {
		super(description);
		this.remedy = Remedy.NONE;
	}

	public MigrationException(String description, @Nullable Throwable cause) {
		this(description, Remedy.NONE, cause);
	}

	/**
	 * Create an exception with a remedy.
	 * @param description what failed
	 * @param remedy what resolves it
	 */
	public MigrationException(String description, Remedy remedy) {
		super(description);
		this.remedy = Objects.requireNonNull(remedy, "remedy must not be null");
	}

	/**
	 * Create an exception with a remedy and a cause.
	 * @param description what failed
	 * @param remedy what resolves it
	 * @param cause the cause, or {@code null}
	 */
	public MigrationException(String description, Remedy remedy, @Nullable Throwable cause) {
		super(description, cause);
		this.remedy = Objects.requireNonNull(remedy, "remedy must not be null");
	}

	/**
	 * Return what failed, without the next step.
	 * @return the description
	 */
	public String description() {
		return String.valueOf(super.getMessage());
	}

	/**
	 * Return what resolves the failure.
	 * @return the remedy, {@link Remedy#NONE} when the description says all there is
	 */
	public Remedy remedy() {
		return this.remedy;
	}

	/**
	 * Return the description followed by the next step, worded for a Java caller.
	 * @return the message
	 */
	@Override
	public String getMessage() {
		return message(RemedyWording::java);
	}

	/**
	 * Return the description followed by the next step, worded by a front end.
	 * @param wording the words of a remedy for the front end's reader
	 * @return the message
	 */
	public String message(Function<Remedy, String> wording) {
		return withStep(description(), this.remedy, wording);
	}

	/**
	 * Return a description followed by the words of a remedy, if it has any.
	 * @param description the description
	 * @param remedy the remedy
	 * @param wording the words of a remedy
	 * @return the text
	 */
	static String withStep(String description, Remedy remedy, Function<Remedy, String> wording) {
		String step = remedy.isNone() ? "" : wording.apply(remedy);
		return step.isEmpty() ? description : description + NEXT_STEP + step;
	}

}
