import { Injectable } from '@nestjs/common';
import type { ApiKey, ApiKeyVerifier } from './auth.decorators';

/**
 * Where the app registers how API keys are checked: the keys belong to teams, which identity
 * does not know, so the API's TAXII module registers the network's key service at start.
 * Until one is registered every key is refused (deny by default).
 */
@Injectable()
export class ApiKeys {
  private verifier: ApiKeyVerifier | null = null;

  use(verifier: ApiKeyVerifier): void {
    this.verifier = verifier;
  }

  async authenticate(keyId: string, secret: string): Promise<ApiKey | null> {
    return this.verifier ? this.verifier.authenticate(keyId, secret) : null;
  }
}
