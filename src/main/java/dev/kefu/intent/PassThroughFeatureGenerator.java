package dev.kefu.intent;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Hands OpenNLP's document categorizer our precomputed features unchanged. Public, top-level and
 * without constructor arguments because {@code DoccatModel} recreates feature generators by class
 * name. Stateless and thread-safe.
 */
public final class PassThroughFeatureGenerator implements FeatureGenerator {
    @Override
    public Collection<String> extractFeatures(String[] features, Map<String, Object> extraInformation) {
        return Arrays.asList(features);
    }
}
