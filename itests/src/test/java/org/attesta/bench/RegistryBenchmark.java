package org.attesta.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * Load driver for the registry's figures, against the distribution as users run it:
 * cold start to the first REST answer and idle RSS; import of a million participants through
 * REST with the server's peak heap, next to the raw JDBC batch-insert rate into the same table
 * measured in the same run; participant search and paged listing latency over the million rows
 * next to a bare endpoint. Run with {@code mvn -B -pl itests -Pbench verify}.
 */
public final class RegistryBenchmark {
    private static final String PASSWORD = "bench-password-2026";
    private static final int PARTICIPANTS = Integer.getInteger("bench.participants", 1_000_000);
    private static final int SCHOOLS = 500;
    /** With both set, the run is on PostgreSQL: the server's database and an empty one for the raw reference. */
    private static final String POSTGRES = blankToNull(System.getProperty("bench.postgres"));
    private static final String POSTGRES_RAW = blankToNull(System.getProperty("bench.postgres.raw"));
    private static final String[] SURNAMES = {"Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов",
        "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов",
        "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв",
        "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев", "Кузьмин", "Фролов", "Александров"};
    private static final String[] NAMES = {"Иван", "Пётр", "Алексей", "Сергей", "Дмитрий", "Андрей", "Максим", "Артём",
        "Михаил", "Никита", "Егор", "Кирилл", "Матвей", "Тимофей", "Роман", "Даниил"};

    private final Path work;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> results = new ArrayList<>();
    private int port;

    private RegistryBenchmark(Path work) {
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Path dist = Path.of(args[0]);
        Path work = Path.of(args[1]);
        new RegistryBenchmark(work).run(dist);
    }

    private void run(Path dist) throws Exception {
        deleteTree(work);
        Files.createDirectories(work);
        record("date", LocalDateTime.now().withNano(0).toString());
        record("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ", " + cpuModel());
        Path csv = work.resolve("participants.csv");
        writeParticipants(csv);
        record("csv file", PARTICIPANTS + " rows, " + Files.size(csv) / (1024 * 1024) + " MB");
        if (POSTGRES == null) {
            record("database", "embedded Derby 10.14, page cache 16,000 pages");
        }
        rawJdbcRate();

        Path home = unpack(dist);
        if (POSTGRES != null) {
            usePostgres(home);
        }
        Path gcLog = work.resolve("gc.log");
        port = freePort();
        long started = System.nanoTime();
        Process karaf = start(home, gcLog);
        try {
            awaitApi();
            record("cold start to first REST 200", ms(System.nanoTime() - started) + " ms");
            long pid = javaPid(karaf);
            waitIdle(Duration.ofSeconds(20));
            record("idle RSS after start (20 s idle)", rssMb(pid) + " MB (heap limit 512 MB)");
            createSchools();
            importParticipants(csv, gcLog);
            latencies();
            waitIdle(Duration.ofSeconds(10));
            record("RSS after the benchmark", rssMb(pid) + " MB");
        } finally {
            stop(karaf);
        }
        Path report = work.resolve("results.md");
        Files.write(report, results);
        System.out.println(String.join(System.lineSeparator(), results));
    }

    // --- data ---

    private void writeParticipants(Path csv) throws IOException {
        Random random = new Random(2026);
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("Фамилия;Имя;Отчество;Дата рождения;Пол;Тип документа;Серия;Номер;СНИЛС;Код ОО;Класс;ОВЗ\n");
            for (int i = 0; i < PARTICIPANTS; i++) {
                out.write(row(i, random));
                out.write('\n');
            }
        }
    }

    private static String row(int i, Random random) {
        LocalDate birth = LocalDate.of(2010, 1, 1).plusDays(random.nextInt(365));
        return SURNAMES[random.nextInt(SURNAMES.length)] + ";" + NAMES[random.nextInt(NAMES.length)] + ";"
                + NAMES[random.nextInt(NAMES.length)] + "ович;" + String.format("%02d.%02d.%d", birth.getDayOfMonth(),
                        birth.getMonthValue(), birth.getYear())
                + ";М;1;" + (1000 + i / 1_000_000) + ";" + String.format("%06d", i % 1_000_000) + ";" + snils(i) + ";"
                + schoolCode(i % SCHOOLS) + ";9" + "АБВГ".charAt(i % 4) + ";" + (i % 33 == 0 ? "да" : "нет");
    }

    static String snils(long number) {
        String digits = String.format("%09d", 100_000_000L + number);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (9 - i);
        }
        int checksum = sum < 100 ? sum : (sum % 101 == 100 ? 0 : sum % 101);
        return digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6, 9) + " "
                + String.format("%02d", checksum);
    }

    private static String schoolCode(int i) {
        return String.format("990%03d", i);
    }

    // --- raw JDBC reference ---

    /** The same table, created by the same migrations, filled by plain JDBC batches in one transaction. */
    private void rawJdbcRate() throws Exception {
        javax.sql.DataSource dataSource = rawDataSource();
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            if (database instanceof DerbyDatabase derby) {
                derby.setShutdownEmbeddedDerby(false);
            }
            Liquibase liquibase = new Liquibase("org/attesta/persistence/db/changelog.xml",
                    new ClassLoaderResourceAccessor(RegistryBenchmark.class.getClassLoader()), database);
            liquibase.update(new Contexts(), new LabelExpression());
            liquibase.close();
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO municipality (id, code, name, version) VALUES (1, '990', 'Бенчмарк', 1)")) {
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO school (id, code, name, municipality_id, version) VALUES (?, ?, ?, 1, 1)")) {
                for (int s = 0; s < SCHOOLS; s++) {
                    insert.setLong(1, s + 1);
                    insert.setString(2, schoolCode(s));
                    insert.setString(3, "Школа " + s);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
            long started = System.nanoTime();
            insertRaw(connection);
            connection.commit();
            long elapsed = System.nanoTime() - started;
            record("raw JDBC batch insert (same table and indexes, batches of 1000, one transaction)",
                    rate(PARTICIPANTS, elapsed) + " rows/s (" + ms(elapsed) + " ms)");
        }
    }

    /**
     * Derby of the driver's own with the distribution's page cache, or with -Dbench.postgres.raw
     * an empty PostgreSQL database of the same server the distribution uses.
     */
    private javax.sql.DataSource rawDataSource() throws SQLException {
        if (POSTGRES_RAW != null) {
            org.postgresql.ds.PGSimpleDataSource postgres = new org.postgresql.ds.PGSimpleDataSource();
            postgres.setURL(POSTGRES_RAW);
            try (Connection c = postgres.getConnection(); java.sql.Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS public CASCADE");
                st.execute("CREATE SCHEMA public");
            }
            return postgres;
        }
        // The distribution's own Derby setting (etc/system.properties), so both sides match.
        System.setProperty("derby.storage.pageCacheSize", "16000");
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(work.resolve("rawdb").toString());
        derby.setCreateDatabase("create");
        return derby;
    }

    private static void insertRaw(Connection connection) throws SQLException {
        Random random = new Random(2026);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO participant (id, surname, name,"
                + " patronymic, search_key, birth_date, sex, document_type, document_series, document_number,"
                + " document_key, snils, snils_key, school_id, class_name, category, special_needs, extra_minutes,"
                + " consent_date, version) VALUES (?, ?, ?, ?, ?, ?, 'M', 1, ?, ?, ?, ?, ?, ?, ?, 'STUDENT', ?, ?, NULL, 1)")) {
            for (int i = 0; i < PARTICIPANTS; i++) {
                String[] f = row(i, random).split(";");
                String surname = f[0];
                insert.setLong(1, i + 1);
                insert.setString(2, surname);
                insert.setString(3, f[1]);
                insert.setString(4, f[2]);
                insert.setString(5, (surname + " " + f[1] + " " + f[2]).toUpperCase(Locale.ROOT).replace('Ё', 'Е'));
                String[] date = f[3].split("\\.");
                insert.setDate(6, java.sql.Date.valueOf(LocalDate.of(Integer.parseInt(date[2]),
                        Integer.parseInt(date[1]), Integer.parseInt(date[0]))));
                insert.setString(7, f[6]);
                insert.setString(8, f[7]);
                insert.setString(9, "1|" + f[6] + "|" + f[7]);
                insert.setString(10, f[8]);
                insert.setString(11, f[8].replaceAll("[^0-9]", ""));
                insert.setLong(12, (i % SCHOOLS) + 1);
                insert.setString(13, f[10]);
                insert.setBoolean(14, f[11].equals("да"));
                insert.setInt(15, f[11].equals("да") ? 30 : 0);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    // --- the running distribution ---

    private Path unpack(Path dist) throws Exception {
        exec(work, "tar", "-xzf", dist.toString(), "-C", work.toString());
        try (var entries = Files.list(work)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("attesta-distribution")).findFirst().orElseThrow();
        }
    }

    /** Configuration alone, as docs/admin-guide.md tells an administrator. */
    private void usePostgres(Path home) throws Exception {
        String url = POSTGRES.substring(0, POSTGRES.indexOf('?'));
        Map<String, String> query = new java.util.HashMap<>();
        for (String pair : POSTGRES.substring(POSTGRES.indexOf('?') + 1).split("&")) {
            query.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        try (Connection c = java.sql.DriverManager.getConnection(POSTGRES); java.sql.Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS public CASCADE");
            st.execute("CREATE SCHEMA public");
        }
        Files.writeString(home.resolve("etc/org.ops4j.datasource-attesta.cfg"), String.join("\n",
                "osgi.jdbc.driver.name = PostgreSQL JDBC Driver", "dataSourceName = attesta-raw",
                "url = " + url + "?reWriteBatchedInserts=true", "user = " + query.get("user"),
                "password = " + query.get("password"), "pool = dbcp2", "xa = false", ""));
        Path features = home.resolve("etc/org.apache.karaf.features.cfg");
        Files.writeString(features, Files.readString(features).replace("    config/4.4.10\n",
                "    config/4.4.10, \\\n    attesta-postgresql\n"));
        record("database", "PostgreSQL " + url + " (raw reference in a second database of the same server)");
    }

    private Process start(Path home, Path gcLog) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .redirectErrorStream(true).redirectOutput(work.resolve("karaf.out").toFile());
        Map<String, String> env = builder.environment();
        env.put("ATTESTA_HTTP_PORT", Integer.toString(port));
        env.put("ATTESTA_SSH_PORT", Integer.toString(freePort()));
        env.put("ATTESTA_ADMIN_PASSWORD", PASSWORD);
        env.put("ATTESTA_DEMO", "false");
        env.put("ATTESTA_MAX_HEAP", "512m");
        env.put("EXTRA_JAVA_OPTS", "-Xlog:gc:file=" + gcLog);
        return builder.start();
    }

    /** bin/karaf starts Java as a child process: stop the whole tree, not only the script. */
    private static void stop(Process karaf) throws InterruptedException {
        List<ProcessHandle> children = karaf.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        karaf.destroy();
        karaf.waitFor();
        children.forEach(p -> p.onExit().join());
    }

    private void awaitApi() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (get("municipalities").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        throw new IllegalStateException("The API did not answer within 3 minutes; see " + work.resolve("karaf.out"));
    }

    private void createSchools() throws Exception {
        post("municipalities", "application/json", "{\"code\":\"990\",\"name\":\"Бенчмарк\"}");
        for (int s = 0; s < SCHOOLS; s++) {
            HttpResponse<String> response = post("schools", "application/json",
                    "{\"code\":\"" + schoolCode(s) + "\",\"name\":\"Школа " + s + "\",\"municipalityCode\":\"990\"}");
            if (response.statusCode() != 201) {
                throw new IllegalStateException(response.body());
            }
        }
    }

    private void importParticipants(Path csv, Path gcLog) throws Exception {
        long gcLinesBefore = Files.readAllLines(gcLog).size();
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request("participants/import?async=false").timeout(Duration.ofMinutes(60))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(csv)).build(),
                HttpResponse.BodyHandlers.ofString());
        long elapsed = System.nanoTime() - started;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Import failed: " + response.statusCode() + " " + response.body());
        }
        record("import through REST (POST /participants/import?async=false, one transaction)",
                rate(PARTICIPANTS, elapsed) + " rows/s (" + ms(elapsed) + " ms): " + response.body());
        List<String> gc = Files.readAllLines(gcLog);
        List<String> during = gc.subList((int) gcLinesBefore, gc.size());
        record("server heap during the import: largest before a GC / largest after a GC (G1: may hold old garbage)",
                peakHeapMb(during, 1) + " MB / " + peakHeapMb(during, 2) + " MB of 512 MB");
    }

    /** The largest heap figure in G1's "before->after(size)" pause lines: group 1 before, 2 after. */
    static long peakHeapMb(List<String> gcLines, int group) {
        Pattern pause = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
        long peak = 0;
        for (String line : gcLines) {
            Matcher m = pause.matcher(line);
            if (m.find()) {
                peak = Math.max(peak, Long.parseLong(m.group(group)));
            }
        }
        return peak;
    }

    private void latencies() throws Exception {
        Random random = new Random(7);
        measure("bare endpoint GET /openapi.json (auth, static bytes)", 2000, () -> "openapi.json");
        measure("paged listing, first pages GET /participants?page=0..9&size=50", 2000,
                () -> "participants?size=50&page=" + random.nextInt(10));
        measure("paged listing, deep pages GET /participants?page=0..1999&size=50", 1000,
                () -> "participants?size=50&page=" + random.nextInt(2000));
        measure("municipality filter GET /participants?municipality=990&page=0..9", 1000,
                () -> "participants?size=50&municipality=990&page=" + random.nextInt(10));
        measure("school filter GET /participants?school=..&size=50", 2000,
                () -> "participants?size=50&school=" + schoolCode(random.nextInt(SCHOOLS)));
        measure("name search GET /participants?q=<surname prefix>&size=50", 2000, () -> {
            String surname = SURNAMES[random.nextInt(SURNAMES.length)];
            return "participants?size=50&q=" + java.net.URLEncoder.encode(
                    surname.substring(0, 3 + random.nextInt(surname.length() - 2)), StandardCharsets.UTF_8);
        });
        measure("name + school GET /participants?q=..&school=..", 2000, () -> "participants?size=50&school="
                + schoolCode(random.nextInt(SCHOOLS)) + "&q=" + java.net.URLEncoder.encode(
                        SURNAMES[random.nextInt(SURNAMES.length)], StandardCharsets.UTF_8));
    }

    private void measure(String what, int count, java.util.function.Supplier<String> path) throws Exception {
        for (int i = 0; i < 200; i++) {
            expectOk(get(path.get()));
        }
        long[] nanos = new long[count];
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String next = path.get();
            long t = System.nanoTime();
            expectOk(get(next));
            nanos[i] = System.nanoTime() - t;
        }
        long elapsed = System.nanoTime() - started;
        Arrays.sort(nanos);
        record(what, String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d req/s (one client)",
                nanos[count / 2] / 1e6, nanos[count * 99 / 100] / 1e6, nanos[count - 1] / 1e6,
                (long) (count / (elapsed / 1e9))));
    }

    private static void expectOk(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }

    // --- helpers ---

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String type, String body) throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/" + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private static long javaPid(Process karaf) {
        return karaf.toHandle().descendants().filter(p -> p.info().command().orElse("").endsWith("java"))
                .map(ProcessHandle::pid).findFirst().orElse(karaf.pid());
    }

    private static long rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    private static String cpuModel() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
    }

    private static void waitIdle(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            LockSupport.parkNanos(deadline - System.nanoTime());
        }
    }

    private void record(String what, String value) {
        String line = "| " + what + " | " + value + " |";
        results.add(line);
        System.out.println(line);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static long rate(long rows, long nanos) {
        return (long) (rows / (nanos / 1e9));
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void exec(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("Failed: " + String.join(" ", command));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
