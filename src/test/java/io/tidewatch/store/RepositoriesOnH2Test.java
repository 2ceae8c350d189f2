package io.tidewatch.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class RepositoriesOnH2Test extends RepositoriesContract {
    private String name;
    private Database db, second;

    @BeforeEach
    void open() {
        name = "repo" + System.nanoTime();
        db = Database.inMemory(name);
        second = Database.inMemory(name);
    }

    @AfterEach
    void close() { second.close(); db.close(); }

    @Override Database db() { return db; }

    @Override Database secondInstance() { return second; }
}
