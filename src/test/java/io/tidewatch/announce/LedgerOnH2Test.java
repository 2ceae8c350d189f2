package io.tidewatch.announce;

import io.tidewatch.store.Database;

import java.util.UUID;

class LedgerOnH2Test extends LedgerScenarios {
    private final String name = "ledger-" + UUID.randomUUID();

    @Override
    Database open() { return Database.inMemory(name); }
}
