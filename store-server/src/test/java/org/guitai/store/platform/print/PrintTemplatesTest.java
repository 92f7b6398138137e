package org.guitai.store.platform.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store replaces a built-in template by putting a file of the same name in its folder; a broken one stops the start. */
class PrintTemplatesTest {

    @TempDir
    Path folder;

    @Test
    void aFileInTheFolderReplacesTheBuiltInTemplateOfItsNameAndOnlyThatOne() throws IOException {
        Files.writeString(folder.resolve("slip.ftlh"), """
                <#import "page.ftlh" as layout>
                <@layout.page title="小票 ${slip.code}"><p class="ours">本店小票 ${slip.code} ${slip.storeName}</p></@layout.page>
                """);
        String page = new PrintTemplates(Optional.of(folder)).render("slip.ftlh", Map.of("slip", Map.of("code", "S001-00000042",
                "storeName", "<b>西单店</b>")));
        assertTrue(page.contains("<p class=\"ours\">本店小票 S001-00000042 &lt;b&gt;西单店&lt;/b&gt;</p>"), page);
        assertTrue(page.contains("<title>小票 S001-00000042</title>") && page.contains("打印 Print"), "the built-in frame still serves it: " + page);
        assertFalse(page.contains("收款专用章"), "the built-in slip is not used: " + page);
    }

    @Test
    void withoutAFolderEveryTemplateIsBuiltIn() {
        String page = new PrintTemplates(Optional.empty()).render("page.ftlh", Map.of());
        assertEquals("", page.strip(), "page.ftlh only defines the frame the pages call");
    }

    @Test
    void aTemplateThatDoesNotParseStopsTheStartNamingItsFileAndLine() throws IOException {
        Files.writeString(folder.resolve("invoice.ftlh"), "<h1>${invoice.number}</h1>\n<#if invoice.voided>\n<p>作废</p>\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new PrintTemplates(Optional.of(folder)));
        assertTrue(e.getMessage().startsWith("print template " + folder.resolve("invoice.ftlh") + " line "), e.getMessage());
        assertTrue(e.getMessage().contains("#if"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line for the launcher's verdict: " + e.getMessage());
    }

    @Test
    void aFolderHoldingNoneOfTheTemplatesIsRefusedNamingTheSetting() throws IOException {
        Files.writeString(folder.resolve("slip.ftl"), "<p>${slip.code}</p>");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new PrintTemplates(Optional.of(folder)));
        assertEquals("guitai.templates-dir is " + folder + ", which holds none of [page.ftlh, slip.ftlh, invoice.ftlh, delivery-note.ftlh, return-slip.ftlh]",
                e.getMessage());
    }

    @Test
    void aValueATemplateNamesButTheModelLacksIsAnErrorNotABlank() throws IOException {
        Files.writeString(folder.resolve("slip.ftlh"), "<p>${slip.buyerNmae}</p>");
        PrintTemplates templates = new PrintTemplates(Optional.of(folder));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> templates.render("slip.ftlh", Map.of("slip", Map.of("code", "S001-00000042"))));
        assertTrue(e.getMessage().startsWith("print template slip.ftlh failed: ") && e.getMessage().contains("buyerNmae"), e.getMessage());
    }
}
