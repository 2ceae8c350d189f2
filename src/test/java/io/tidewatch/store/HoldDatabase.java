package io.tidewatch.store;

/** Opens a database and keeps it open until killed: another process holding an H2 file, for tests. */
public final class HoldDatabase {
    public static void main(String[] args) throws Exception {
        try (Database db = Database.open(args[0], "sa", "")) {
            System.out.println("held");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
