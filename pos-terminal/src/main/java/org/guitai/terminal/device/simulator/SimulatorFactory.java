package org.guitai.terminal.device.simulator;

import java.lang.reflect.InvocationTargetException;
import jpos.JposConst;
import jpos.JposException;
import jpos.config.JposEntry;
import jpos.loader.JposServiceInstance;
import jpos.loader.JposServiceInstanceFactory;

/**
 * Creates the service a jpos.xml entry names in its {@code serviceClass}: any class with a public
 * constructor taking the {@link JposEntry}, whose {@code <prop>} values configure it. The simulated
 * devices are made this way, and so can be a vendor's service written against the same contract.
 */
public class SimulatorFactory implements JposServiceInstanceFactory {

    @Override
    public JposServiceInstance createInstance(String logicalName, JposEntry entry) throws JposException {
        Object named = entry.getPropertyValue(JposEntry.SERVICE_CLASS_PROP_NAME);
        if (named == null) {
            throw new JposException(JposConst.JPOS_E_NOSERVICE, "the jpos.xml entry " + logicalName + " names no serviceClass");
        }
        try {
            Class<?> type = Class.forName(named.toString(), true, SimulatorFactory.class.getClassLoader());
            return (JposServiceInstance) type.getConstructor(JposEntry.class).newInstance(entry);
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException | ClassCastException e) {
            throw new JposException(JposConst.JPOS_E_NOSERVICE, "cannot create " + named + " for " + logicalName + ": " + e, e);
        } catch (InvocationTargetException e) {
            throw new JposException(JposConst.JPOS_E_NOSERVICE, "cannot create " + named + " for " + logicalName + ": " + e.getCause(),
                    e.getCause() instanceof Exception cause ? cause : e);
        }
    }
}
