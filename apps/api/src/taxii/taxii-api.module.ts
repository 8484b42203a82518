import { Module, OnModuleInit } from '@nestjs/common';
import { ApiKeys, IdentityModule } from '@rilon/identity';
import { NetworkModule, TaxiiKeysService } from '@rilon/network';
import { ReportsModule } from '@rilon/reports';
import { TaxiiController } from './taxii.controller';
import { TaxiiService } from './taxii.service';

/**
 * The read-only TAXII 2.1 server at /taxii2/ (issue 9, item 3; docs/stix.md, "TAXII"). It
 * registers the teams' TAXII keys as the API keys the access guard checks.
 */
@Module({
  imports: [IdentityModule, ReportsModule, NetworkModule],
  controllers: [TaxiiController],
  providers: [TaxiiService],
})
export class TaxiiApiModule implements OnModuleInit {
  constructor(
    private readonly apiKeys: ApiKeys,
    private readonly taxiiKeys: TaxiiKeysService,
  ) {}

  onModuleInit(): void {
    this.apiKeys.use(this.taxiiKeys);
  }
}
