import { Module } from '@nestjs/common';
import { PortalSite } from './portal-site';

/** The built web portal, served under `/` by the API process. */
@Module({ providers: [PortalSite] })
export class PortalModule {}
