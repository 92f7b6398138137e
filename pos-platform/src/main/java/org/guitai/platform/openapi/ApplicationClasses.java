package org.guitai.platform.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The classes of one web application under a package, found through its class loader: the WAR's
 * own classes (an exploded folder once Payara has deployed it) and those of the jars in its
 * WEB-INF/lib. Payara's OpenAPI model keeps no link to the Java code it was made from, so this is
 * how the document's filter learns which method answers an operation and which type a schema
 * stands for. Classes are loaded without being initialised.
 */
final class ApplicationClasses {

    private static final Logger LOG = Logger.getLogger(ApplicationClasses.class.getName());

    private final List<Class<?>> classes;

    private ApplicationClasses(List<Class<?>> classes) {
        this.classes = List.copyOf(classes);
    }

    static ApplicationClasses of(List<Class<?>> classes) {
        return new ApplicationClasses(classes);
    }

    static ApplicationClasses under(String packageName, ClassLoader loader) {
        String folder = packageName.replace('.', '/') + "/";
        TreeSet<String> names = new TreeSet<>();
        try {
            for (URL url : Collections.list(loader.getResources(folder))) {
                switch (url.getProtocol()) {
                    case "file" -> names.addAll(inFolder(Path.of(url.toURI()), folder));
                    case "jar" -> names.addAll(inJar(url, folder));
                    default -> LOG.warning(() -> "OpenAPI: classes at " + url + " are not looked at");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> loaded = new ArrayList<>();
        for (String name : names) {
            if (name.endsWith("-info")) {
                continue; // package-info, module-info
            }
            try {
                loaded.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                LOG.fine(() -> "OpenAPI: " + name + " cannot be loaded: " + e);
            }
        }
        return new ApplicationClasses(loaded);
    }

    List<Class<?>> all() {
        return classes;
    }

    private static List<String> inFolder(Path root, String folder) throws IOException {
        Path base = root;
        for (int i = 0; i < folder.split("/").length; i++) {
            base = base.getParent();
        }
        Path classRoot = base;
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".class"))
                    .map(f -> className(classRoot.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/")))
                    .toList();
        }
    }

    private static List<String> inJar(URL url, String folder) throws IOException {
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            return jar.stream().map(JarEntry::getName)
                    .filter(n -> n.startsWith(folder) && n.endsWith(".class"))
                    .map(ApplicationClasses::className)
                    .toList();
        }
    }

    private static String className(String entry) {
        return entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
    }
}
