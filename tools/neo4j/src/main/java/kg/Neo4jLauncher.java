package kg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * A test Neo4j: Community embedded, Bolt on 127.0.0.1:PORT, auth and HTTP off, a small page cache.
 * Usage: Neo4jLauncher PORT [DATA_DIR]  (a fresh temporary directory when DATA_DIR is omitted).
 * Prints bolt://127.0.0.1:PORT once the default database is available; SIGTERM shuts it down cleanly.
 */
public final class Neo4jLauncher {
  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 7687;
    Path home = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("kg-neo4j-");
    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
        .setConfig(HttpConnector.enabled, false)
        .setConfig(HttpsConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, false)
        .setConfig(GraphDatabaseSettings.pagecache_memory, 256L * 1024 * 1024)
        .build();
    CountDownLatch stopped = new CountDownLatch(1);
    // SIGTERM runs shutdown hooks: shut the DBMS down (checkpoint, close the store) before exiting.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      dbms.shutdown();
      stopped.countDown();
    }));
    if (!dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable(120_000)) {
      System.err.println("neo4j: the default database did not become available within 120 s");
      System.exit(1);
    }
    System.err.println("neo4j: data in " + home);
    System.out.println("bolt://127.0.0.1:" + port);
    System.out.flush();
    stopped.await();
  }
}
