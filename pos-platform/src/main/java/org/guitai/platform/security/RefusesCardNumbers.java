package org.guitai.platform.security;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that takes tenders or free text: a body carrying anything that looks like a
 * full card number where it is looked for is refused before it is read, and nothing of it is kept
 * or logged. Codes that are digits by nature (barcodes, tax ids) are not looked at: an EAN-13 can
 * pass the Luhn check by chance.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RefusesCardNumbers {

    /** The top-level members looked at (tenders, free text); none for the whole body. */
    String[] members() default {};

    /**
     * Top-level members never looked at when the whole body is (no {@link #members()}): codes that
     * are long digit strings by nature, such as a mobile payment code (付款码), which may pass the Luhn
     * check by chance. The endpoint validates them itself.
     */
    String[] except() default {};
}
