import { Module } from '@nestjs/common';
import { StatisticsLedger } from './statistics-ledger';

/** Statistics ledger and series (issue 3); the statistics engineer owns this folder. */
@Module({ providers: [StatisticsLedger], exports: [StatisticsLedger] })
export class StatisticsModule {}
