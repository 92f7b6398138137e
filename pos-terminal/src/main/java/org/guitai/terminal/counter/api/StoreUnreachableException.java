package org.guitai.terminal.counter.api;

import org.guitai.kernel.problem.PosException;

/** The store server did not answer in time. Nothing was recorded by this call. */
public class StoreUnreachableException extends PosException {

    private static final long serialVersionUID = 1L;

    public StoreUnreachableException(String storeUrl, Throwable cause) {
        super("store-unreachable", 503, "Store server unreachable",
                "the store server at " + storeUrl + " did not answer: check the network and try again", cause);
    }
}
