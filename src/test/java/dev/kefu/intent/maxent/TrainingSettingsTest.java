package dev.kefu.intent.maxent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrainingSettingsTest {
    @Test
    void theManifestRecordsTheLbfgsHistory() {
        assertThat(TrainingSettings.DEFAULT.describe()).containsEntry("history", "7").containsEntry("iterations", "100");
    }

    @Test
    void anEmptyHistoryIsRefusedWithItsName() {
        assertThatThrownBy(() -> new TrainingSettings(100, 1, 0.0, 0.1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("history must be >= 1, was 0");
    }
}
