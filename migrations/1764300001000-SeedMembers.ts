import { MigrationInterface, QueryRunner } from 'typeorm';

const MEMBERS: Array<[string, string, 'state' | 'organisation']> = [
  ['AFG', 'Afghanistan', 'state'],
  ['AUS', 'Australia', 'state'],
  ['BGD', 'Bangladesh', 'state'],
  ['IND', 'India', 'state'],
  ['IDN', 'Indonesia', 'state'],
  ['MYS', 'Malaysia', 'state'],
  ['MDV', 'Maldives', 'state'],
  ['MMR', 'Myanmar', 'state'],
  ['NZL', 'New Zealand', 'state'],
  ['PAK', 'Pakistan', 'state'],
  ['LKA', 'Sri Lanka', 'state'],
  ['THA', 'Thailand', 'state'],
  ['UNHCR', 'Office of the United Nations High Commissioner for Refugees', 'organisation'],
  ['IOM', 'International Organization for Migration', 'organisation'],
];

/** The fourteen founding members of the network (domain.md, "Reference data"). */
export class SeedMembers1764300001000 implements MigrationInterface {
  name = 'SeedMembers1764300001000';

  async up(q: QueryRunner): Promise<void> {
    for (const [code, name, kind] of MEMBERS) {
      await q.query(
        `INSERT INTO members (code, name, kind) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING`,
        [code, name, kind],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM members WHERE code = ANY($1)`, [MEMBERS.map(([code]) => code)]);
  }
}
