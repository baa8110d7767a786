package dev.bourse.loadgen;

import dev.bourse.server.admin.DemoPairs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterRunTest
{
    @Test
    void shouldPutTheDemoPairThroughTheAdminApiAsTheDemoDefinesIt()
    {
        assertThat(ClusterRun.pairForm(DemoPairs.commands().getFirst())).isEqualTo(
            "minPrice=0.01&minPriceDecimal=2&minAmountDecimal=6&tradeMinAmount=0.0001&tradeMaxAmount=1000" +
            "&tradeMinVolume=1&tradeMaxVolume=10000000&makerFeeRate=0.1&takerFeeRate=0.2");
    }
}
