import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { newId } from '@rilon/core';
import { DataSource, EntityManager } from 'typeorm';
import type { CapitalView } from './capital.view';

const COLUMNS = 'id, name, country_code AS "countryCode", timezone';

/** The only code that builds SQL for capitals. */
@Injectable()
export class CapitalsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(): Promise<CapitalView[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM capitals ORDER BY name, country_code`);
  }

  async find(id: string): Promise<CapitalView | null> {
    const rows: CapitalView[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM capitals WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async insert(
    manager: EntityManager,
    capital: { name: string; countryCode: string; timezone: string },
  ): Promise<CapitalView> {
    const rows: CapitalView[] = await manager.query(
      `INSERT INTO capitals (id, name, country_code, timezone) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [newId(), capital.name, capital.countryCode, capital.timezone],
    );
    return rows[0];
  }
}
