package io.tunelab.search.storage;

/** The in-memory storage passes the storage contract. */
class InMemoryStorageTest extends TrialStorageContract {
    @Override
    protected TrialStorage newStorage() {
        return new InMemoryStorage();
    }
}
