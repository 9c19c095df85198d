package dev.migrations.conformance;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.MARIADB)
class MariadbPretendScriptTests extends PretendScriptConformanceTests {

	@Override
	String migrationWithRoutines() {
		return """
				CREATE TABLE accounts (id INT PRIMARY KEY, balance INT NOT NULL, updated_at DATETIME NULL);
				CREATE TABLE audit (account_id INT, note VARCHAR(100));

				DELIMITER $$
				CREATE PROCEDURE credit(IN account INT, IN amount INT)
				BEGIN
				    UPDATE accounts SET balance = balance + amount WHERE id = account;
				    INSERT INTO audit VALUES (account, 'credited; see balance');
				END$$

				CREATE FUNCTION doubled(x INT) RETURNS INT DETERMINISTIC
				BEGIN
				    DECLARE result INT;
				    SET result = x * 2;
				    RETURN result;
				END$$
				DELIMITER //
				CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts FOR EACH ROW
				BEGIN
				    SET NEW.updated_at = NOW();
				    INSERT INTO audit VALUES (NEW.id, 'costs $$; touched');
				END//
				DELIMITER ;

				INSERT INTO accounts VALUES (1, 10, NULL);
				""";
	}

	@Override
	String migrationChangingTheSession() {
		return """
				/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='ANSI_QUOTES' */;
				SET FOREIGN_KEY_CHECKS = 0;
				CREATE TABLE "first" (id INT PRIMARY KEY);
				""";
	}

	@Override
	String migrationNeedingTheSessionItStartedWith() {
		return """
				CREATE TABLE second (id INT PRIMARY KEY, note VARCHAR(10) DEFAULT "none");
				""";
	}

	@Override
	String currentSchema() {
		return "DATABASE()";
	}

}
