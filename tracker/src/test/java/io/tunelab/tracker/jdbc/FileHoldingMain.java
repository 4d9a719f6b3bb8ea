package io.tunelab.tracker.jdbc;

import io.tunelab.tracker.config.DatabaseSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * A process that holds the embedded database in {@code args[0]} open without sharing it, as a process does between
 * taking the file over and publishing its share: it prints {@code ready}, and closes the database {@code args[1]}
 * milliseconds later.
 */
public final class FileHoldingMain {
    private FileHoldingMain() {
    }

    public static void main(String[] args) throws Exception {
        DatabaseSettings file = DatabaseSettings.embedded(Path.of(args[0]));
        Connection held = DriverManager.getConnection(file.jdbcUrl(), file.user(), file.password());
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.parseLong(args[1]));
        held.close();
    }
}
