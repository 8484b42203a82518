import { Module } from '@nestjs/common';
import { NetworkModule } from '@rilon/network';
import { ReportsModule } from '@rilon/reports';
import { TaxiiController } from './taxii.controller';
import { TaxiiService } from './taxii.service';

/** The read-only TAXII 2.1 server at /taxii2/ (issue 9, item 3; docs/stix.md, "TAXII"). */
@Module({
  imports: [ReportsModule, NetworkModule],
  controllers: [TaxiiController],
  providers: [TaxiiService],
})
export class TaxiiApiModule {}
