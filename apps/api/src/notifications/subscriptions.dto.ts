import { ApiProperty } from '@nestjs/swagger';
import { MAX_RULES } from '@rilon/notifications';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import { SubscriptionRuleDto } from './subscription-rule.dto';

/**
 * The caller's rules. Never set: one rule matching everything, in the app only. An empty
 * list: urgent reports only. Urgent reports reach every reader whatever the rules.
 */
export class SubscriptionsDto {
  @ApiProperty({ type: [SubscriptionRuleDto], maxItems: MAX_RULES })
  @IsArray()
  @ArrayMaxSize(MAX_RULES)
  @ValidateNested({ each: true })
  @Type(() => SubscriptionRuleDto)
  rules: SubscriptionRuleDto[];
}
