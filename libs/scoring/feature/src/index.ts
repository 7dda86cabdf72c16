export { ScoringModule } from './scoring.module.js';
export { scoringService } from './scoring.service-definition.js';
