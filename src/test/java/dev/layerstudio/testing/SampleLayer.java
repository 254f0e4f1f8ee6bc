package dev.layerstudio.testing;

import dev.layerstudio.build.LayerBuilder;
import dev.layerstudio.model.AddedPath;
import dev.layerstudio.model.ContentNode;
import dev.layerstudio.model.ContentSource;
import dev.layerstudio.model.LayerContent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A layer's content as the Contents step leaves it: packages "installed" into a staging
 * folder (files on disk with their dist-info, as pip lays them out, byte-code caches and
 * test folders included), plus one of the user's folders added through the builder.
 */
public final class SampleLayer {

    private final Path staging;
    private final Random random = new Random(42);
    private final List<ContentNode> nodes = new ArrayList<>();

    private SampleLayer(Path staging) {
        this.staging = staging;
    }

    /**
     * requests, numpy (a native library), boto3 and botocore, six; caches and tests; the
     * user's folder {@code mylib} added at {@code userDestination} ({@code null} for python/mylib).
     */
    public static LayerContent build(Path dir, LayerBuilder builder, String userDestination) throws IOException {
        SampleLayer s = new SampleLayer(dir.resolve("staging"));
        s.pkg("requests", "2.32.3", Map.of("requests/__init__.py", 40_000, "requests/api.py", 25_000,
                "requests/sessions.py", 60_000, "requests/__pycache__/api.cpython-312.pyc", 30_000,
                "requests/__pycache__/sessions.cpython-312.pyc", 52_000));
        s.pkg("numpy", "2.1.0", Map.of("numpy/__init__.py", 20_000, "numpy/core/_multiarray.cpython-312-x86_64-linux-gnu.so",
                900_000, "numpy/linalg/linalg.py", 90_000, "numpy/tests/test_core.py", 120_000,
                "numpy.libs/libopenblas.so.0", 700_000));
        s.pkg("botocore", "1.35.0", Map.of("botocore/data/s3.json", 400_000, "botocore/data/ec2.json", 500_000,
                "botocore/client.py", 50_000));
        s.pkg("boto3", "1.35.0", Map.of("boto3/__init__.py", 8_000, "boto3/session.py", 20_000));
        s.pkg("six", "1.16.0", Map.of("six.py", 34_000));
        LayerContent content = LayerContent.of(s.nodes);

        Path user = dir.resolve("user").resolve("mylib");
        Files.createDirectories(user.resolve("handlers"));
        Files.writeString(user.resolve("__init__.py"), "from .handlers import handle\n");
        Files.writeString(user.resolve("handlers").resolve("__init__.py"), "def handle(e):\n    return e\n" + "#\n".repeat(4000));
        Files.writeString(user.resolve("settings.py"), "DEBUG = False\n" + "# setting\n".repeat(3000));
        return builder.add(content, new AddedPath(user, userDestination));
    }

    /**
     * What installing {@code requests} and {@code pandas} for python3.12 x86_64 lays out, in
     * shape and names if not in bytes: both with their dependencies (urllib3, idna, certifi,
     * charset_normalizer; numpy with its bundled OpenBLAS, python-dateutil, pytz, tzdata, six),
     * about 2,400 files in deep folders with long names, extension modules, byte-code caches,
     * test folders and time-zone data; and the user's folder {@code mylib} in python/mylib.
     */
    public static LayerContent requestsAndPandas(Path dir, LayerBuilder builder) throws IOException {
        SampleLayer s = new SampleLayer(dir.resolve("staging"));
        s.pkg("requests", "2.32.3", modules("requests", List.of("__init__", "__version__", "adapters", "api", "auth",
                "certs", "compat", "cookies", "exceptions", "help", "hooks", "models", "packages", "sessions",
                "status_codes", "structures", "utils"), 6_000, true));
        Map<String, Integer> urllib3 = modules("urllib3", List.of("__init__", "_base_connection", "_collections",
                "_request_methods", "_version", "connection", "connectionpool", "exceptions", "fields", "filepost",
                "poolmanager", "response"), 9_000, true);
        urllib3.putAll(modules("urllib3/util", List.of("__init__", "connection", "proxy", "request", "response",
                "retry", "ssl_", "ssl_match_hostname", "ssltransport", "timeout", "url", "util", "wait"), 7_000, true));
        urllib3.putAll(modules("urllib3/contrib/emscripten", List.of("__init__", "connection", "fetch", "request",
                "response"), 5_000, false));
        s.pkg("urllib3", "2.2.3", urllib3);
        s.pkg("idna", "3.10", modules("idna", List.of("__init__", "codec", "compat", "core", "idnadata",
                "intranges", "package_data", "uts46data"), 20_000, true));
        Map<String, Integer> certifi = modules("certifi", List.of("__init__", "__main__", "core"), 1_000, false);
        certifi.put("certifi/cacert.pem", 290_000);
        s.pkg("certifi", "2024.8.30", certifi);
        Map<String, Integer> charset = modules("charset_normalizer", List.of("__init__", "api", "cd", "constant",
                "legacy", "md", "models", "utils", "version"), 12_000, true);
        charset.put("charset_normalizer/md.cpython-312-x86_64-linux-gnu.so", 16_000);
        charset.put("charset_normalizer/md__mypyc.cpython-312-x86_64-linux-gnu.so", 60_000);
        s.pkg("charset_normalizer", "3.4.0", charset);

        Map<String, Integer> numpy = new LinkedHashMap<>();
        for (String sub : List.of("_core", "linalg", "fft", "random", "ma", "lib", "polynomial", "testing",
                "typing", "f2py", "_typing", "strings", "char", "rec")) {
            numpy.putAll(modules("numpy/" + sub, List.of("__init__", "_methods", "_internal", "defchararray",
                    "fromnumeric", "function_base", "getlimits", "numeric", "numerictypes", "overrides", "records",
                    "shape_base", "_asarray", "_dtype", "_exceptions", "einsumfunc", "arrayprint"), 4_000, true));
            numpy.putAll(modules("numpy/" + sub + "/tests", List.of("test_api", "test_arrayprint", "test_casting",
                    "test_datetime", "test_dtype", "test_einsum", "test_function_base", "test_indexing",
                    "test_multiarray", "test_numeric", "test_regression", "test_scalarmath", "test_ufunc"),
                    8_000, false));
        }
        for (String ext : List.of("_core/_multiarray_umath", "_core/_multiarray_tests", "_core/_umath_tests",
                "linalg/_umath_linalg", "fft/_pocketfft_umath", "random/_generator", "random/mtrand",
                "random/_pcg64", "random/_philox", "random/bit_generator")) {
            numpy.put("numpy/" + ext + ".cpython-312-x86_64-linux-gnu.so", 30_000);
        }
        numpy.put("numpy.libs/libscipy_openblas64_-ff651d7f.so", 200_000);
        numpy.put("numpy.libs/libgfortran-040039e1-0352e75f.so.5.0.0", 60_000);
        s.pkg("numpy", "2.1.3", numpy);

        Map<String, Integer> pandas = new LinkedHashMap<>();
        for (String sub : List.of("core", "core/arrays", "core/arrays/sparse", "core/dtypes", "core/groupby",
                "core/indexes", "core/internals", "core/reshape", "core/strings", "core/tools", "core/window",
                "core/computation", "core/interchange", "core/methods", "core/ops", "io", "io/excel", "io/formats",
                "io/json", "io/parsers", "io/sas", "plotting", "plotting/_matplotlib", "tseries", "util",
                "api/extensions", "api/indexers", "api/interchange", "api/types", "errors", "_config", "compat")) {
            pandas.putAll(modules("pandas/" + sub, List.of("__init__", "base", "common", "api", "accessor",
                    "algorithms", "apply", "construction", "generic", "missing", "nanops", "sample", "sorting",
                    "_validators", "_decorators", "_exceptions", "_print_versions"), 9_000, true));
        }
        for (String area : List.of("arithmetic", "arrays/categorical", "arrays/datetimes", "arrays/integer",
                "arrays/sparse", "computation", "copy_view", "dtypes/cast", "extension/decimal", "frame/indexing",
                "frame/methods", "groupby/aggregate", "groupby/transform", "indexes/datetimes", "indexes/interval",
                "indexing/multiindex", "io/excel", "io/formats/style", "io/json", "io/parser/common", "reshape/merge",
                "resample", "scalar/timestamp/methods", "series/methods", "strings", "tseries/offsets",
                "window/moments")) {
            pandas.putAll(modules("pandas/tests/" + area, List.of("__init__", "conftest", "test_constructors",
                    "test_arithmetic", "test_indexing", "test_setitem", "test_reductions", "test_astype",
                    "test_formats", "test_missing", "test_timezones", "test_numeric", "test_timedelta_range"),
                    14_000, false));
        }
        for (String ext : List.of("_libs/algos", "_libs/arrays", "_libs/groupby", "_libs/hashing",
                "_libs/hashtable", "_libs/index", "_libs/internals", "_libs/interval", "_libs/join", "_libs/lib",
                "_libs/missing", "_libs/ops", "_libs/parsers", "_libs/reshape", "_libs/sparse", "_libs/tslib",
                "_libs/writers", "_libs/window/aggregations", "_libs/window/indexers", "_libs/tslibs/conversion",
                "_libs/tslibs/dtypes", "_libs/tslibs/fields", "_libs/tslibs/nattype", "_libs/tslibs/np_datetime",
                "_libs/tslibs/offsets", "_libs/tslibs/parsing", "_libs/tslibs/period", "_libs/tslibs/strptime",
                "_libs/tslibs/timedeltas", "_libs/tslibs/timestamps", "_libs/tslibs/timezones",
                "_libs/tslibs/tzconversion", "_libs/tslibs/vectorized")) {
            pandas.put("pandas/" + ext + ".cpython-312-x86_64-linux-gnu.so", 24_000);
        }
        s.pkg("pandas", "2.2.3", pandas);
        s.pkg("python_dateutil", "2.9.0.post0", modules("dateutil", List.of("__init__", "_common", "_version",
                "easter", "relativedelta", "rrule", "utils", "parser/__init__", "parser/_parser", "parser/isoparser",
                "tz/__init__", "tz/_common", "tz/_factories", "tz/tz", "tz/win", "zoneinfo/__init__",
                "zoneinfo/rebuild"), 8_000, true));
        Map<String, Integer> pytz = modules("pytz", List.of("__init__", "exceptions", "lazy", "reference",
                "tzfile", "tzinfo"), 6_000, false);
        Map<String, Integer> tzdata = modules("tzdata", List.of("__init__"), 500, false);
        for (String zone : List.of("Africa/Abidjan", "Africa/Cairo", "Africa/Johannesburg", "Africa/Lagos",
                "America/Argentina/Buenos_Aires", "America/Chicago", "America/Denver", "America/Los_Angeles",
                "America/New_York", "America/Sao_Paulo", "America/Toronto", "America/Indiana/Indianapolis",
                "Antarctica/McMurdo", "Asia/Dubai", "Asia/Hong_Kong", "Asia/Kolkata", "Asia/Shanghai", "Asia/Singapore",
                "Asia/Tokyo", "Atlantic/Reykjavik", "Australia/Sydney", "Europe/Amsterdam", "Europe/Berlin",
                "Europe/Dublin", "Europe/London", "Europe/Madrid", "Europe/Paris", "Europe/Stockholm",
                "Europe/Zurich", "Pacific/Auckland", "Pacific/Honolulu", "UTC")) {
            pytz.put("pytz/zoneinfo/" + zone, 2_200);
            tzdata.put("tzdata/zoneinfo/" + zone, 2_200);
        }
        s.pkg("pytz", "2024.2", pytz);
        s.pkg("tzdata", "2024.2", tzdata);
        s.pkg("six", "1.16.0", Map.of("six.py", 34_000));
        return builder.add(LayerContent.of(s.nodes), new AddedPath(s.userFolder(dir), null));
    }

    /** Source files of a package folder (and, with {@code cached}, their byte-code in __pycache__). */
    private static Map<String, Integer> modules(String folder, List<String> names, int size, boolean cached) {
        Map<String, Integer> files = new LinkedHashMap<>();
        for (String name : names) {
            int cut = name.lastIndexOf('/');
            String dirOf = cut < 0 ? folder : folder + "/" + name.substring(0, cut);
            String base = name.substring(cut + 1);
            files.put(dirOf + "/" + base + ".py", size + base.length() * 37);
            if (cached) {
                files.put(dirOf + "/__pycache__/" + base + ".cpython-312.pyc", size / 2 + base.length() * 11);
            }
        }
        return files;
    }

    /** The user's own folder: a small package with handlers and settings. */
    private Path userFolder(Path dir) throws IOException {
        Path user = dir.resolve("user").resolve("mylib");
        Files.createDirectories(user.resolve("handlers"));
        Files.writeString(user.resolve("__init__.py"), "from .handlers import handle\n");
        Files.writeString(user.resolve("handlers").resolve("__init__.py"), "def handle(e):\n    return e\n");
        Files.writeString(user.resolve("settings.py"), "DEBUG = False\n" + "# setting\n".repeat(300));
        return user;
    }

    private void pkg(String name, String version, Map<String, Integer> files) throws IOException {
        Map<String, Integer> all = new LinkedHashMap<>(files);
        String info = name + "-" + version + ".dist-info/";
        StringBuilder record = new StringBuilder();
        for (String f : files.keySet()) {
            record.append(f).append(",,\n");
        }
        record.append(info).append("METADATA,,\n").append(info).append("RECORD,,\n");
        write(info + "METADATA", ("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n")
                .getBytes(StandardCharsets.UTF_8), name);
        write(info + "RECORD", record.toString().getBytes(StandardCharsets.UTF_8), name);
        write(info + "top_level.txt", (name + "\n").getBytes(StandardCharsets.UTF_8), name);
        for (var e : all.entrySet()) {
            write(e.getKey(), bytes(e.getKey(), e.getValue()), name);
        }
    }

    /** Python-ish text for source files (compresses well), random bytes for binaries (does not). */
    private byte[] bytes(String path, int size) {
        if (path.endsWith(".py") || path.endsWith(".json")) {
            byte[] line = ("# " + path + " line of code\n").getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[size];
            for (int i = 0; i < size; i++) {
                out[i] = line[i % line.length];
            }
            return out;
        }
        byte[] out = new byte[size];
        random.nextBytes(out);
        if (path.contains(".so")) {
            byte[] elf = Wheels.elf(0x3e);
            System.arraycopy(elf, 0, out, 0, elf.length);
        }
        return out;
    }

    /** Writes one installed file; its folders become installed folders too, as pip's staging tree shows them. */
    private void write(String layerPath, byte[] content, String owner) throws IOException {
        Path file = staging.resolve(layerPath);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        nodes.add(ContentNode.file("python/" + layerPath, new ContentSource.Installed(file, content.length, owner)));
        for (String folder = parent(layerPath); !folder.isEmpty(); folder = parent(folder)) {
            nodes.add(ContentNode.folder("python/" + folder,
                    new ContentSource.Installed(staging.resolve(folder), 0, owner)));
        }
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
