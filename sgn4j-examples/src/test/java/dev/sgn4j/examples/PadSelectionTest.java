package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PadSelectionTest {

  @Test
  void theRouterSendsTemperatureToTheConverterAndHumidityAndCo2ToTheAirQualityCheck() {
    var lines = Output.capture(() -> PadSelection.main(new String[0]));

    assertThat(lines)
        .containsExactly(
            "Temp: 21°C (69.8°F)",
            "Air Quality: Good (CO2=401, H=51%)",
            "Temp: 22°C (71.6°F)",
            "Air Quality: Moderate (CO2=650, H=53%)",
            "Temp: 23°C (73.4°F)",
            "Air Quality: Poor (CO2=1200, H=55%)");
  }
}
