package org.guitai.store.platform.print;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.StrongCacheStorage;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.guitai.store.platform.config.StoreSettings;

/**
 * The printable pages' templates (FreeMarker, {@code .ftlh}: every {@code ${value}} is HTML-escaped).
 * The built-in ones ship in the WAR ({@code /templates/print}, copied from {@code config/store/templates});
 * a file of the same name in the folder {@code guitai.templates-dir} names replaces one of them. All are
 * read and parsed once, at start, so a template with a syntax error stops the start naming its file and
 * line; an edited template takes effect at the next start.
 */
@ApplicationScoped
public class PrintTemplates {

    /** The frame every page shares, then the pages. */
    public static final List<String> NAMES = List.of("page.ftlh", "slip.ftlh", "invoice.ftlh", "delivery-note.ftlh", "return-slip.ftlh");
    static final String BUILT_IN = "/templates/print";
    private static final Logger LOG = Logger.getLogger(PrintTemplates.class.getName());

    private Configuration freemarker;

    /** For CDI's proxy. */
    protected PrintTemplates() {
    }

    @Inject
    PrintTemplates(StoreSettings settings) {
        this(settings.templatesDir());
    }

    /**
     * Reads and parses every template.
     *
     * @param overrides the folder whose templates replace the built-in ones of the same name
     * @throws IllegalStateException naming the file of a template that does not parse, or a folder that holds none of {@link #NAMES}
     */
    public PrintTemplates(Optional<Path> overrides) {
        freemarker = new Configuration(Configuration.VERSION_2_3_35);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setLocale(Locale.SIMPLIFIED_CHINESE);
        // a mistake in a template shows as an error naming its line, never as a page with a blank where a value belongs
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        // templates a store edits show values; they do not create Java objects
        freemarker.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        freemarker.setAPIBuiltinEnabled(false);
        // read once: what was checked at start is what prints
        freemarker.setCacheStorage(new StrongCacheStorage());
        freemarker.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        List<TemplateLoader> loaders = new ArrayList<>();
        overrides.ifPresent(folder -> loaders.add(folderLoader(folder)));
        loaders.add(new ClassTemplateLoader(PrintTemplates.class, BUILT_IN));
        freemarker.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        for (String name : NAMES) {
            load(name, overrides);
        }
        overrides.ifPresent(folder -> LOG.info(() -> "print templates from " + folder + ": "
                + NAMES.stream().filter(n -> Files.isRegularFile(folder.resolve(n))).toList() + "; the others built in"));
    }

    /** Starts with the application, so that a broken template stops the start rather than a print at the counter. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // created, and so read and checked, by being observed
    }

    /** The page {@code template} makes of {@code model} (its values by name, as the template refers to them). */
    public String render(String template, Map<String, ?> model) {
        StringWriter page = new StringWriter();
        try {
            freemarker.getTemplate(template).process(model, page);
        } catch (TemplateException e) {
            throw new IllegalStateException("print template " + template + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("print template " + template, e);
        }
        return page.toString();
    }

    private static TemplateLoader folderLoader(Path folder) {
        if (NAMES.stream().noneMatch(n -> Files.isRegularFile(folder.resolve(n)))) {
            throw new IllegalStateException("guitai.templates-dir is " + folder + ", which holds none of " + NAMES);
        }
        try {
            return new FileTemplateLoader(folder.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("guitai.templates-dir is " + folder + ", which cannot be read", e);
        }
    }

    private void load(String name, Optional<Path> overrides) {
        String source = overrides.map(f -> f.resolve(name)).filter(Files::isRegularFile).map(Path::toString)
                .orElse("the built-in " + name);
        try {
            freemarker.getTemplate(name);
        } catch (ParseException e) {
            // one line: the launcher shows the last cause's first line
            throw new IllegalStateException("print template " + source + " line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                    + ": " + e.getEditorMessage().replaceAll("\\s*\\R\\s*", " "));
        } catch (IOException e) {
            throw new UncheckedIOException("print template " + source + " cannot be read", e);
        }
    }
}
