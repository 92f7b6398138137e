package org.guitai.store.manager;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.guitai.store.approval.domain.ApprovalAction;
import org.guitai.store.audit.domain.AuditEvent;
import org.guitai.store.sale.domain.Tender;
import org.guitai.store.shift.domain.CashMovement;
import org.guitai.store.shift.domain.ErrorLevel;
import org.guitai.store.staff.domain.Role;
import org.guitai.platform.testing.PageTexts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The manager page's texts: both message bundles hold the same keys with a text each, and every
 * key the page asks for (in index.html and in its scripts) is in both. The page itself holds no
 * text of its own: whatever a person reads comes from a bundle.
 */
class ManagerPageTextsTest {

    private static PageTexts page;

    @BeforeAll
    static void read() throws IOException {
        page = PageTexts.read(Path.of("src/main/webapp"));
    }

    @Test
    void bothBundlesHaveTheSameKeys() {
        page.assertBothBundlesHaveTheSameKeys();
    }

    @Test
    void everyTextIsANonEmptyString() {
        page.assertEveryTextIsANonEmptyString();
    }

    @Test
    void everyKeyOfThePageIsInBothBundles() {
        Set<String> used = page.keysAskedFor();
        assertTrue(used.size() > 100, () -> "the page asks for its texts by key: found only " + used);
        assertTrue(used.contains("reports.title") && used.contains("close.blind"), used::toString);
        page.assertKnown(used, "used by the page");
    }

    @Test
    void keysHandedToTLaterAreInBothBundlesToo() {
        Set<String> literals = page.keysNamedInScripts();
        assertTrue(literals.contains("report.counted"), literals::toString);
        page.assertKnown(literals, "named in the scripts");
    }

    /** The page names the server's values through keys made from them: every value has its text. */
    @Test
    void everyValueTheServerSendsHasItsText() {
        Set<String> wanted = new TreeSet<>();
        Arrays.stream(ApprovalAction.values()).forEach(a -> wanted.add("action." + a.name()));
        Arrays.stream(ErrorLevel.values()).forEach(l -> wanted.add("level." + l.name()));
        Arrays.stream(AuditEvent.values()).forEach(e -> wanted.add("event." + e.name()));
        Arrays.stream(CashMovement.Type.values()).forEach(t -> wanted.add("movement." + t.name()));
        Arrays.stream(Role.values()).forEach(r -> wanted.add("role." + r.name()));
        Arrays.stream(Tender.values()).forEach(t -> wanted.add("tender." + t.name()));
        wanted.add("tender.MOBILE");
        page.assertKnown(wanted, "for the server's values");
    }

    /** No text in the page itself: every element a person reads is filled from a bundle. */
    @Test
    void indexHtmlHoldsNoTextOfItsOwn() {
        page.assertIndexHtmlHoldsNoTextOfItsOwn();
    }
}
